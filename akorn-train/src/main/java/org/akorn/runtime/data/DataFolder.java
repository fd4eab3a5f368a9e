package org.akorn.runtime.data;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the training and test split in a folder, by the files it holds:
 * <ul>
 *   <li>IDX (MNIST, Fashion-MNIST): {@code train-images-idx3-ubyte}, {@code
 *       train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte},
 *       each plain or {@code .gz}; images become {@code [1, H, W]} in [0, 1];
 *   <li>CIFAR-10 binary: {@code data_batch_*.bin} and {@code test_batch.bin} (also inside a
 *       {@code cifar-10-batches-bin} sub-folder); images {@code [3, 32, 32]} in [0, 1];
 *   <li>{@code train.npz} and {@code test.npz}: arrays named after the model's inputs plus
 *       {@code label};
 *   <li>{@code train.csv} and {@code test.csv}: Sudoku puzzles ({@link SudokuCsvReader}).
 * </ul>
 * Image formats feed a model with one input; its name is the model's.
 */
public final class DataFolder {
  private DataFolder() {}

  /** The two splits of a folder. */
  public record Splits(Dataset train, Dataset test) {}

  /**
   * Reads both splits.
   *
   * @param inputNames the model's inputs, in declaration order
   * @throws DataFormatException for a folder without a known layout or a bad file
   */
  public static Splits open(Path dir, List<String> inputNames) throws DataFormatException {
    if (!Files.isDirectory(dir)) {
      throw DataFormatException.of(dir, "not a folder (--data takes the folder that holds the"
          + " data files)");
    }
    Path idxTrain = either(dir, "train-images-idx3-ubyte");
    if (idxTrain != null) {
      return new Splits(
          idx(idxTrain, need(dir, "train-labels-idx1-ubyte"), inputNames),
          idx(need(dir, "t10k-images-idx3-ubyte"), need(dir, "t10k-labels-idx1-ubyte"), inputNames));
    }
    Path cifar = Files.isDirectory(dir.resolve("cifar-10-batches-bin"))
        ? dir.resolve("cifar-10-batches-bin") : dir;
    if (Files.isRegularFile(cifar.resolve("test_batch.bin"))) {
      return new Splits(cifar(cifarTrainBatches(cifar), inputNames),
          cifar(List.of(cifar.resolve("test_batch.bin")), inputNames));
    }
    if (Files.isRegularFile(dir.resolve("train.npz"))) {
      return new Splits(npz(dir.resolve("train.npz"), inputNames),
          npz(required(dir.resolve("test.npz")), inputNames));
    }
    if (Files.isRegularFile(dir.resolve("train.csv"))) {
      return new Splits(SudokuCsvReader.read(dir.resolve("train.csv")),
          SudokuCsvReader.read(required(dir.resolve("test.csv"))));
    }
    throw DataFormatException.of(dir, "no data set found (expected IDX files such as"
        + " train-images-idx3-ubyte.gz, CIFAR-10 test_batch.bin, train.npz or train.csv)");
  }

  /** Images {@code [N, H, W]} and labels {@code [N]} of one IDX pair. */
  public static Dataset idx(Path images, Path labels, List<String> inputNames)
      throws DataFormatException {
    String input = singleInput(images, inputNames);
    IdxReader.IdxArray img = IdxReader.read(images);
    IdxReader.IdxArray lab = IdxReader.read(labels);
    if (img.dims().length != 3) {
      throw DataFormatException.of(images, "IDX images are [N, H, W], this file has shape "
          + IdxReader.shape(img.dims()));
    }
    if (lab.dims().length != 1 || lab.dims()[0] != img.dims()[0]) {
      throw DataFormatException.of(labels, "expected " + img.dims()[0] + " labels (one per image"
          + " of " + images.getFileName() + "), this file has shape " + IdxReader.shape(lab.dims()));
    }
    float[] pixels = new float[img.data().length];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = img.unsigned(i) / 255f;
    }
    float[] classes = new float[lab.data().length];
    for (int i = 0; i < classes.length; i++) {
      classes[i] = lab.unsigned(i);
    }
    return new Dataset(images.toString(),
        List.of(new Column(input, new Shape(1, img.dims()[1], img.dims()[2]), DataType.FLOAT32,
            pixels)),
        new Column("label", new Shape(), DataType.INT64, classes));
  }

  /** Images {@code [3, 32, 32]} in [0, 1] and labels of CIFAR-10 batch files, in order. */
  public static Dataset cifar(List<Path> batches, List<String> inputNames)
      throws DataFormatException {
    String input = singleInput(batches.get(0), inputNames);
    List<Cifar10Reader.Batch> read = new ArrayList<>();
    int n = 0;
    for (Path b : batches) {
      Cifar10Reader.Batch batch = Cifar10Reader.read(b);
      read.add(batch);
      n += batch.labels().length;
    }
    int per = Cifar10Reader.RECORD - 1;
    float[] pixels = new float[n * per];
    float[] classes = new float[n];
    int at = 0;
    for (Cifar10Reader.Batch batch : read) {
      for (int i = 0; i < batch.labels().length; i++, at++) {
        classes[at] = batch.labels()[i];
        for (int j = 0; j < per; j++) {
          pixels[at * per + j] = (batch.pixels()[i * per + j] & 0xff) / 255f;
        }
      }
    }
    return new Dataset(batches.get(0).getParent().toString(),
        List.of(new Column(input, new Shape(3, 32, 32), DataType.FLOAT32, pixels)),
        new Column("label", new Shape(), DataType.INT64, classes));
  }

  /** The arrays of one {@code .npz} named after the model's inputs, and {@code label}. */
  public static Dataset npz(Path file, List<String> inputNames) throws DataFormatException {
    List<Column> all = NpzReader.read(file);
    List<Column> inputs = new ArrayList<>();
    for (String name : inputNames) {
      inputs.add(all.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() ->
          DataFormatException.of(file, "has no array '" + name + "' for the model's input (it has "
              + all.stream().map(Column::name).toList() + ")")));
    }
    Column label = all.stream().filter(c -> c.name().equals("label")).findFirst().orElseThrow(() ->
        DataFormatException.of(file, "has no array 'label'"));
    for (Column c : inputs) {
      if (c.size() != label.size()) {
        throw DataFormatException.of(file, "array '" + c.name() + "' has " + c.size()
            + " examples but 'label' has " + label.size());
      }
    }
    Column labels = label.type() == DataType.FLOAT32
        ? label : new Column("label", label.exampleShape(), DataType.INT64, label.values());
    return new Dataset(file.toString(), inputs, labels);
  }

  private static String singleInput(Path file, List<String> inputNames) throws DataFormatException {
    if (inputNames.size() != 1) {
      throw DataFormatException.of(file, "holds images for a model with one input, but the model"
          + " takes " + inputNames);
    }
    return inputNames.get(0);
  }

  private static List<Path> cifarTrainBatches(Path dir) throws DataFormatException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> batches = files
          .filter(p -> p.getFileName().toString().matches("data_batch_\\d+\\.bin"))
          .sorted()
          .toList();
      if (batches.isEmpty()) {
        throw DataFormatException.of(dir, "has test_batch.bin but no data_batch_*.bin");
      }
      return batches;
    } catch (IOException e) {
      throw DataFormatException.of(dir, "cannot be listed: " + e.getMessage());
    }
  }

  private static Path either(Path dir, String name) {
    if (Files.isRegularFile(dir.resolve(name))) {
      return dir.resolve(name);
    }
    if (Files.isRegularFile(dir.resolve(name + ".gz"))) {
      return dir.resolve(name + ".gz");
    }
    return null;
  }

  private static Path need(Path dir, String name) throws DataFormatException {
    Path p = either(dir, name);
    if (p == null) {
      throw DataFormatException.of(dir.resolve(name + ".gz"), "no such file (nor " + name + ")");
    }
    return p;
  }

  private static Path required(Path file) throws DataFormatException {
    if (!Files.isRegularFile(file)) {
      throw DataFormatException.of(file, "no such file");
    }
    return file;
  }
}
