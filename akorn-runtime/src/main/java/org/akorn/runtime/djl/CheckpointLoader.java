package org.akorn.runtime.djl;

import ai.djl.Application;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.nn.LambdaBlock;
import ai.djl.repository.MRL;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelLoader;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorFactory;
import ai.djl.util.Progress;
import java.io.IOException;
import java.util.Map;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.checkpoint.CheckpointMetadata;
import org.akorn.runtime.checkpoint.Checkpoints;
import org.akorn.runtime.checkpoint.InvalidCheckpointException;

/**
 * Loads the checkpoint named by the Criteria argument {@code checkpoint} (see {@link
 * LoadArguments}) into its generated class and serves it through a translator of {@link
 * AkornTranslatorFactory} (or the Criteria's own factory). A Criteria without that argument, or
 * with a model name other than the checkpoint's architecture, is not this loader's: DJL goes on
 * to the next one.
 */
final class CheckpointLoader implements ModelLoader {

  /** The artifact id ({@code Criteria.Builder.optArtifactId}). */
  static final String ARTIFACT_ID = "checkpoint";

  @Override
  public String getGroupId() {
    return AkornModelZoo.GROUP_ID;
  }

  @Override
  public String getArtifactId() {
    return ARTIFACT_ID;
  }

  @Override
  public Application getApplication() {
    return Application.UNDEFINED;
  }

  /** None: the checkpoint is not in a repository but named by each Criteria. */
  @Override
  public MRL getMrl() {
    return null;
  }

  @Override
  public <I, O> ZooModel<I, O> loadModel(Criteria<I, O> criteria)
      throws IOException, ModelNotFoundException, MalformedModelException {
    Map<String, Object> given = criteria.getArguments();
    if (given == null || !given.containsKey(LoadArguments.CHECKPOINT)) {
      throw new ModelNotFoundException(
          "an AKOrN checkpoint is named by the Criteria argument " + LoadArguments.CHECKPOINT);
    }
    LoadArguments arguments = LoadArguments.of(given);
    CheckpointMetadata meta;
    try {
      meta = Checkpoints.readMetadata(arguments.checkpoint());
    } catch (InvalidCheckpointException e) {
      throw new MalformedModelException(e.getMessage(), e);
    }
    String wanted = criteria.getModelName();
    if (wanted != null && !wanted.equals(meta.architecture())) {
      throw new ModelNotFoundException("checkpoint " + arguments.checkpoint() + " holds "
          + meta.architecture() + ", not " + wanted);
    }
    TranslatorFactory factory = criteria.getTranslatorFactory() == null
        ? new AkornTranslatorFactory() : criteria.getTranslatorFactory();
    if (!factory.isSupported(criteria.getInputClass(), criteria.getOutputClass())) {
      throw new ModelNotFoundException("no AKOrN translator from "
          + criteria.getInputClass().getTypeName() + " to "
          + criteria.getOutputClass().getTypeName()
          + (factory instanceof AkornTranslatorFactory f ? "; there are " + f.describe() : ""));
    }
    String className = GeneratedClasses.className(arguments.checkpoint(), meta,
        arguments.modelClass());
    AkornModel akorn = GeneratedClasses.fromCheckpoint(className, arguments.checkpoint());
    Model model = null;
    try {
      ModelRunner runner = new ModelRunner(akorn, arguments);
      model = model(meta, akorn, runner);
      Translator<I, O> translator = factory.newInstance(criteria.getInputClass(),
          criteria.getOutputClass(), model, given);
      return new AkornZooModel<>(model, translator, akorn);
    } catch (TranslateException | RuntimeException e) {
      if (model != null) {
        model.close();
      }
      akorn.close();
      if (e instanceof TranslateException) {
        throw new ModelNotFoundException(e.getMessage(), e);
      }
      throw (RuntimeException) e;
    }
  }

  /** A DJL model on the generated model's engine and device, whose block is {@code runner}. */
  private static Model model(CheckpointMetadata meta, AkornModel akorn, ModelRunner runner) {
    Model model = Model.newInstance(meta.architecture(), akorn.manager().getDevice(),
        akorn.manager().getEngine().getEngineName());
    model.setBlock(new LambdaBlock(runner, meta.architecture()));
    model.setProperty("akorn.architecture", meta.architecture());
    model.setProperty("akorn.output", runner.output());
    meta.hyperParameters().forEach((k, v) -> model.setProperty("akorn.hp." + k, v));
    return model;
  }

  /** Always: a checkpoint is a local file. */
  @Override
  public <I, O> boolean isDownloaded(Criteria<I, O> criteria) {
    return true;
  }

  /** Nothing to download. */
  @Override
  public <I, O> void downloadModel(Criteria<I, O> criteria, Progress progress) {}
}
