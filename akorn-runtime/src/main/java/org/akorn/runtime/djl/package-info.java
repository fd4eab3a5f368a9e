/**
 * AKOrN checkpoints served through DJL's own model loading: {@code Criteria} -> {@code ZooModel}
 * -> {@code Predictor}, with batching and DJL's metrics.
 *
 * <p>{@link org.akorn.runtime.djl.AkornZooProvider} is registered for DJL's service loading
 * ({@code META-INF/services/ai.djl.repository.zoo.ZooProvider}); its model zoo ({@code org.akorn})
 * loads a checkpoint named by the Criteria argument {@code checkpoint} into the model class that
 * was generated for it, and serves it through the translators of {@link
 * org.akorn.runtime.djl.AkornTranslatorFactory}:
 *
 * <pre>{@code
 * Criteria<int[][], int[][]> criteria = Criteria.builder()
 *     .setTypes(int[][].class, int[][].class)          // a Sudoku board in, the solved board out
 *     .optArgument("checkpoint", Path.of("run/model.ckpt"))
 *     .optArgument("steps", 16)                         // T at test time
 *     .optArgument("votes", 4)                          // energy voting over K noise states
 *     .build();
 * try (ZooModel<int[][], int[][]> model = criteria.loadModel();
 *     Predictor<int[][], int[][]> predictor = model.newPredictor()) {
 *   int[][] solved = predictor.predict(board);
 * }
 * }</pre>
 *
 * <p>The Criteria arguments are listed in {@link org.akorn.runtime.djl.LoadArguments}. A model name
 * ({@code optModelName}) only filters: a checkpoint of another architecture is not found.
 */
package org.akorn.runtime.djl;
