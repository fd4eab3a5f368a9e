/**
 * Checkpoints: one file holding a model's weights, its identity (architecture name and
 * hyper-parameters), the training step and, optionally, the EMA of the weights and the Adam state.
 * Entry point: {@link org.akorn.runtime.checkpoint.Checkpoints} (weights, in the inference core);
 * akorn-train's {@code TrainingCheckpoints} adds the EMA and Adam state through {@link
 * org.akorn.runtime.checkpoint.TrainingState}.
 *
 * <h2>Format, version 1</h2>
 *
 * <p>A ZIP archive (suggested extension {@code .akornckpt}) whose entries are stored uncompressed,
 * in this order:
 *
 * <ol>
 *   <li>{@code checkpoint.properties}: UTF-8 {@link java.util.Properties} text, keys sorted:
 *       <ul>
 *         <li>{@code format=akorn-checkpoint}, {@code format.version=1}
 *         <li>{@code architecture=<name>}, {@code step=<long>}, {@code ema=true|false},
 *             {@code optimizer=adam|none}
 *         <li>{@code hp.<key>=<value>} for every hyper-parameter
 *         <li>{@code weights.count=<n>}
 *       </ul>
 *   <li>{@code weights.npz}: every parameter of the block (trained ones and state such as
 *       batch-norm statistics) as a NumPy {@code .npz}, one array per parameter named by its DJL
 *       parameter name ({@code Block.getParameters()} keys), in block order. NumPy reads it with
 *       {@code np.load}; DJL with {@code NDList.decode}.
 *   <li>{@code ema.npz} (only when {@code ema=true}): the EMA of the floating-point parameters
 *       (batch-norm running statistics included, as ema_pytorch averages buffers), same naming.
 *   <li>{@code optimizer.npz} (only when {@code optimizer=adam}): per trained parameter {@code p},
 *       its Adam moments {@code p/exp_avg} and {@code p/exp_avg_sq} (shape of {@code p}) and its
 *       update count {@code p/step} (int64 scalar), so training resumes exactly.
 *   <li>{@code SHA256SUMS}: the last entry; one line {@code <sha256 hex>  <entry name>} per other
 *       entry, as {@code sha256sum} writes it (so {@code unzip} + {@code sha256sum -c} checks it).
 * </ol>
 *
 * <p>Writing is atomic: the file is written to a temporary file in the target directory, forced to
 * disk and moved over the target with {@code ATOMIC_MOVE}. Loading validates everything before it
 * changes anything: the archive's structure (a truncated file lacks the ZIP end record or the
 * last entry), every SHA-256, the format and version, the architecture and hyper-parameters, and
 * every parameter's name, shape and data type. Any failure is one {@link
 * org.akorn.runtime.checkpoint.InvalidCheckpointException} listing every problem, and the model
 * is left unchanged.
 */
package org.akorn.runtime.checkpoint;
