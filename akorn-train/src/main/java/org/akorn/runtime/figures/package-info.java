/**
 * PNG figures written atomically: object-discovery segments next to the images and their ground
 * truth ({@link org.akorn.runtime.figures.SegmentationFigure}), oscillator states over the steps
 * as colour ({@link org.akorn.runtime.figures.OscillatorFigure}), and the principal-component
 * colour projection both these and the Sudoku demo's figures use ({@link
 * org.akorn.runtime.figures.ColourProjection}).
 */
package org.akorn.runtime.figures;
