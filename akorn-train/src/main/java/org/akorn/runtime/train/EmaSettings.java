package org.akorn.runtime.train;

import java.util.Locale;

/**
 * When and how strongly {@link WeightEma} averages, with the meaning {@code ema_pytorch.EMA} gives
 * its arguments of the same names. Updates are numbered from 0 (one per training step):
 *
 * <ul>
 *   <li>update 0 copies the weights into the averages;
 *   <li>only every {@code updateEvery}-th update (those whose number is a multiple of it) does
 *       anything; until number {@code updateAfterStep} it copies the weights again;
 *   <li>afterwards update {@code s} moves every average towards its weight with the decay {@link
 *       #decayAt(long) decayAt(s)}: with {@code e = s - updateAfterStep}, {@code 1 - (1 + e /
 *       invGamma)^-power}, kept within [{@code minValue}, {@code beta}]. This warm-up makes the
 *       early averages short, so they do not carry the random initial weights for long.
 * </ul>
 *
 * <p>{@link #constant(double)} gives a plain average with one decay at every step.
 *
 * @param beta the largest decay (the decay once warmed up), in [0, 1]; 1 freezes the averages
 * @param updateAfterStep updates up to this number copy the weights (at least 0)
 * @param updateEvery the interval between updates that do something (at least 1)
 * @param invGamma the warm-up's time scale (positive)
 * @param power the warm-up's exponent (positive)
 * @param minValue the smallest decay after the copies, in [0, 1]
 */
public record EmaSettings(double beta, long updateAfterStep, int updateEvery, double invGamma,
    double power, double minValue) {

  /** ema_pytorch's default warm-up exponent. */
  public static final double POWER = 2.0 / 3.0;

  public EmaSettings {
    if (!(beta >= 0 && beta <= 1)) {
      throw new IllegalArgumentException("EMA beta must be in [0, 1], got " + beta);
    }
    if (updateAfterStep < 0) {
      throw new IllegalArgumentException(
          "EMA update-after step must not be negative, got " + updateAfterStep);
    }
    if (updateEvery < 1) {
      throw new IllegalArgumentException("EMA update interval must be at least 1, got "
          + updateEvery);
    }
    if (!(invGamma > 0 && Double.isFinite(invGamma))) {
      throw new IllegalArgumentException("EMA inv_gamma must be positive, got " + invGamma);
    }
    if (!(power > 0 && Double.isFinite(power))) {
      throw new IllegalArgumentException("EMA power must be positive, got " + power);
    }
    if (!(minValue >= 0 && minValue <= 1)) {
      throw new IllegalArgumentException("EMA min_value must be in [0, 1], got " + minValue);
    }
  }

  /** ema_pytorch's warm-up (inv_gamma 1, power 2/3, min_value 0) with the given schedule. */
  public static EmaSettings of(double beta, long updateAfterStep, int updateEvery) {
    return new EmaSettings(beta, updateAfterStep, updateEvery, 1, POWER, 0);
  }

  /**
   * One decay at every update after the first (which copies the weights): no warm-up, no
   * skipped updates.
   */
  public static EmaSettings constant(double decay) {
    return new EmaSettings(decay, 0, 1, 1, POWER, decay);
  }

  /** Whether update number {@code step} does anything. */
  public boolean acts(long step) {
    return step == 0 || step % updateEvery == 0;
  }

  /** Whether update number {@code step} (one that {@link #acts}) copies the weights. */
  public boolean copies(long step) {
    return step <= updateAfterStep;
  }

  /**
   * The decay of update number {@code step} after the copies, computed in float32 as ema_pytorch
   * computes it (its step counter is a tensor): 0 at {@code updateAfterStep}, then the warm-up
   * curve, clamped to [{@code minValue}, {@code beta}].
   */
  public double decayAt(long step) {
    long epoch = Math.max(0, step - updateAfterStep);
    if (epoch <= 0) {
      return 0;
    }
    float e = (float) epoch / (float) invGamma;
    float value = 1f - (float) Math.pow(1f + e, -(float) power);
    value = Math.max(value, (float) minValue);
    value = Math.min(value, (float) beta);
    return value;
  }

  /** The settings as ema_pytorch's keyword arguments, e.g. for a log line. */
  public String describe() {
    return String.format(Locale.ROOT,
        "beta %s, update_after_step %d, update_every %d, inv_gamma %s, power %s, min_value %s",
        number(beta), updateAfterStep, updateEvery, number(invGamma), number(power),
        number(minValue));
  }

  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.6g", v);
    if (s.contains(".") && !s.contains("e")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s;
  }
}
