/**
 * Labelled data sets held in memory ({@link org.akorn.runtime.data.Dataset}) and their readers:
 * IDX, CIFAR-10 binary, NumPy {@code .npz} and Sudoku CSV. Every reader has one entry point
 * {@code read(Path)} that fails with a {@link org.akorn.runtime.data.DataFormatException} whose
 * one-line message names the file; headers are checked against the real amount of data before
 * anything is allocated. {@link org.akorn.runtime.data.DataFolder} finds the splits of a folder.
 */
package org.akorn.runtime.data;
