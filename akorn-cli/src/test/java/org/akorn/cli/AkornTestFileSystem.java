package org.akorn.cli;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local file system under a made-up scheme ({@code akorntest:}, or any other it is registered
 * for), so that tests read through Hadoop's file systems what a scheme other than {@code file:}
 * names ({@code hdfs:}, {@code s3a:} in use): {@code akorntest:///tmp/x} is the local {@code
 * /tmp/x}. Registered with {@code fs.SCHEME.impl}, e.g. {@code spark.hadoop.fs.akorntest.impl}.
 */
public class AkornTestFileSystem extends RawLocalFileSystem {
  private static final URI DEFAULT = URI.create("akorntest:///");
  private URI uri;

  @Override
  public void initialize(URI name, Configuration conf) throws IOException {
    uri = URI.create(name.getScheme() + ":///");
    super.initialize(name, conf);
  }

  @Override
  public URI getUri() {
    // Also called by the superclass's constructor, before initialize.
    return uri != null ? uri : DEFAULT;
  }

  @Override
  public String getScheme() {
    return getUri().getScheme();
  }
}
