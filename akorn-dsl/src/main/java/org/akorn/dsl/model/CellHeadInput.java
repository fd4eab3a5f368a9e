package org.akorn.dsl.model;

/**
 * What a per-cell classifier applies to c before its linear map: ReLU (the AKOrN Sudoku head) or
 * LayerNorm over the channels (the Transformer baselines' head).
 */
public enum CellHeadInput {
  RELU, LAYER_NORM
}
