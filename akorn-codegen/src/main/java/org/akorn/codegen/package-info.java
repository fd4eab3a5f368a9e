/**
 * The code generator's entry point: {@link org.akorn.codegen.AkornCodegen#generate} checks
 * {@code .akorn} files with the front end and generates one Java model class per model (see
 * {@code docs/generated-api.md}); {@link org.akorn.codegen.output.OutputWriter} writes them.
 */
package org.akorn.codegen;
