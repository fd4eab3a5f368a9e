package org.akorn.dsl.link;

/** Saturating arithmetic for parameter and MAC counts, so absurd sizes cannot wrap around. */
final class Counting {
  private Counting() {}

  static long mul(long... factors) {
    long r = 1;
    for (long f : factors) {
      long next = r * f;
      if (f != 0 && (next / f != r || next < 0)) {
        return Long.MAX_VALUE;
      }
      r = next;
    }
    return r;
  }

  static long add(long... terms) {
    long r = 0;
    for (long t : terms) {
      r += t;
      if (r < 0) {
        return Long.MAX_VALUE;
      }
    }
    return r;
  }
}
