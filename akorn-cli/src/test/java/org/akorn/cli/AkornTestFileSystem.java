package org.akorn.cli;

import java.net.URI;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local file system under the made-up scheme {@code akorntest:}, so that tests read through
 * Hadoop's file systems what a scheme other than {@code file:} names ({@code hdfs:}, {@code s3a:}
 * in use): {@code akorntest:///tmp/x} is the local {@code /tmp/x}. Registered with {@code
 * spark.hadoop.fs.akorntest.impl}.
 */
public class AkornTestFileSystem extends RawLocalFileSystem {
  static final String SCHEME = "akorntest";

  @Override
  public URI getUri() {
    return URI.create(SCHEME + ":///");
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }
}
