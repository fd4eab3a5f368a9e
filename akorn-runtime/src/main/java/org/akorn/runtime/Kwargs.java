package org.akorn.runtime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads a reference constructor's keyword arguments with its defaults; rejects unknown keys. */
final class Kwargs {
  private final String model;
  private final Map<String, ?> values;
  private final Set<String> known = new LinkedHashSet<>();

  Kwargs(String model, Map<String, ?> values) {
    this.model = model;
    this.values = values;
  }

  private Object raw(String key) {
    known.add(key);
    return values.get(key);
  }

  int getInt(String key, Integer def) {
    Object v = raw(key);
    if (v == null) {
      return required(key, def);
    }
    if (v instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())) {
      return num.intValue();
    }
    throw bad(key, v, "an integer");
  }

  float getFloat(String key, float def) {
    Object v = raw(key);
    if (v == null) {
      return def;
    }
    if (v instanceof Number num) {
      return num.floatValue();
    }
    throw bad(key, v, "a number");
  }

  boolean getBool(String key, boolean def) {
    Object v = raw(key);
    if (v == null) {
      return def;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw bad(key, v, "a boolean");
  }

  /** A string; {@code "none"} stands for Python's None. */
  String getString(String key, String def) {
    known.add(key);
    if (!values.containsKey(key)) {
      return def;
    }
    Object v = values.get(key);
    if (v == null) {
      return "none";
    }
    if (v instanceof String s) {
      return s;
    }
    throw bad(key, v, "a string");
  }

  /** An int or a list of ints expanded to {@code length} as the reference's _expand_param. */
  int[] getInts(String key, int[] def, int length) {
    Object v = raw(key);
    List<Integer> list = new ArrayList<>();
    if (v == null) {
      for (int i : def) {
        list.add(i);
      }
    } else if (v instanceof Number) {
      list.add(getInt(key, null));
    } else if (v instanceof List<?> l) {
      for (Object o : l) {
        if (!(o instanceof Number num)) {
          throw bad(key, v, "a list of integers");
        }
        list.add(num.intValue());
      }
    } else {
      throw bad(key, v, "an integer or a list of integers");
    }
    int[] out = new int[length];
    for (int i = 0; i < length; i++) {
      out[i] = list.size() == length ? list.get(i) : list.get(0);
    }
    return out;
  }

  String[] getStrings(String key, String def, int length) {
    Object v = raw(key);
    String[] out = new String[length];
    if (v instanceof List<?> l) {
      for (int i = 0; i < length; i++) {
        out[i] = String.valueOf(l.size() == length ? l.get(i) : l.get(0));
      }
    } else {
      java.util.Arrays.fill(out, v == null ? def : String.valueOf(v));
    }
    return out;
  }

  /** Throws if a key was given that the reference constructor does not take. */
  void rejectUnknown() {
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(model + ": unknown arguments " + unknown);
    }
  }

  private int required(String key, Integer def) {
    if (def == null) {
      throw new IllegalArgumentException(model + ": argument '" + key + "' is required");
    }
    return def;
  }

  private IllegalArgumentException bad(String key, Object v, String what) {
    return new IllegalArgumentException(
        model + ": argument '" + key + "' must be " + what + ", got " + v);
  }
}
