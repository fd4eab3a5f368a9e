/**
 * Trusting the engine: every convolution of the runtime ({@link
 * org.akorn.runtime.engine.Convolutions}) runs on the path {@link
 * org.akorn.runtime.engine.ConvolutionPlanner} verified for its geometry against double-precision
 * sums ({@link org.akorn.runtime.engine.PointwiseConvolution}), routing around kernels that compute
 * wrong values on the running CPU by an exact detour ({@link
 * org.akorn.runtime.engine.ConvolutionPath}); {@link org.akorn.runtime.engine.EngineChecks} is the
 * self-check {@code akorn doctor} shows.
 */
package org.akorn.runtime.engine;
