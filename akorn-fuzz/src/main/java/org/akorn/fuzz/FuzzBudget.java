package org.akorn.fuzz;

import java.util.Map;
import java.util.TreeMap;

/**
 * How long {@link FuzzTarget#fuzz} runs, from system properties that Maven sets from the
 * properties of the same names (docs/reliability.md):
 *
 * <ul>
 *   <li>{@code akorn.fuzz.tries} (default 150): mutated inputs per target; {@code mvn verify}
 *       keeps it small;
 *   <li>{@code akorn.fuzz.seed} (default 20261202): the seed, so every run is reproducible;
 *   <li>{@code akorn.fuzz.seconds} (default 0): when positive, a long run: mutate for this many
 *       seconds per target instead of a number of tries, collect every distinct failure instead of
 *       stopping at the first, and fail at the end listing them.
 * </ul>
 */
public record FuzzBudget(int tries, long seconds, long seed) {

  /** The budget the system properties ask for. */
  public static FuzzBudget fromSystemProperties() {
    return new FuzzBudget(Integer.getInteger("akorn.fuzz.tries", 150),
        Long.getLong("akorn.fuzz.seconds", 0), Long.getLong("akorn.fuzz.seed", 20261202L));
  }

  /** Whether this is a long run (failures collected rather than thrown at once). */
  public boolean timed() {
    return seconds > 0;
  }

  /** What one run of a target did. */
  public static final class Tally {
    long tries;
    long read;
    long rejected;
    final Map<String, Integer> failures = new TreeMap<>();

    /** Counts a failure; true when it is the first of its kind. */
    boolean failure(String problem) {
      String signature = problem.lines().limit(4).map(String::strip)
          .reduce("", (a, b) -> a + " " + b).replaceAll("\\d+", "N").strip();
      return failures.merge(signature, 1, Integer::sum) == 1;
    }

    String summary(String target, double elapsed, long seed) {
      return String.format("fuzz %s: %d tries, %d read, %d rejected, %d distinct failures,"
          + " %.1f s, seed %d", target, tries, read, rejected, failures.size(), elapsed, seed);
    }
  }
}
