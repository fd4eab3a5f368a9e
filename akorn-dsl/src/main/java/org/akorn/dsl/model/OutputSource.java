package org.akorn.dsl.model;

/** What a named output returns: a head's result, the final x, the final c, every state of the last layer, or every layer's energies. */
public enum OutputSource {
  HEAD, STATE, STIMULUS, STATES, ENERGIES
}
