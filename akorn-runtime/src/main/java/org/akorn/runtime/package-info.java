/**
 * AKOrN runtime on DJL (PyTorch engine): {@link org.akorn.runtime.AkornNetwork} assembles a model
 * from a stem, an initial-state strategy, stages (transition, Kuramoto layer, read-out) and a
 * head; {@link org.akorn.runtime.AkornNetwork#run} returns named outputs and every layer's
 * states and energies. {@link org.akorn.runtime.ReferenceLayouts} maps the reference
 * implementation's {@code state_dict} keys of the three model families onto such a network.
 *
 * <p>Blocks live in {@link org.akorn.runtime.nn}, reference-weight import in {@link
 * org.akorn.runtime.weights}. No class holds global state; every array a run creates is placed on
 * the input's device and temporaries are closed at the end of the run.
 */
package org.akorn.runtime;
