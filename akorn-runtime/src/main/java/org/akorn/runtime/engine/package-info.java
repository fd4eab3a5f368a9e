/**
 * Trusting the engine: {@link org.akorn.runtime.engine.EngineChecks} checks the engine's
 * convolution and matmul kernels against double-precision loops ({@link
 * org.akorn.runtime.engine.DirectConvolution}) on first use and routes every convolution ({@link
 * org.akorn.runtime.engine.Convolutions}) around kernels that compute wrong values on the running
 * CPU, by an exact detour ({@link org.akorn.runtime.engine.ConvolutionPath}).
 */
package org.akorn.runtime.engine;
