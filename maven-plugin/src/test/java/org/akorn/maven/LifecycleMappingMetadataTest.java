package org.akorn.maven;

import static com.google.common.truth.Truth.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The m2e metadata that makes Eclipse run both goals, also on incremental builds. */
class LifecycleMappingMetadataTest {
  @Test
  void eclipseExecutesBothGoalsOnIncrementalAndConfigurationBuilds() throws Exception {
    Document doc;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/m2e/lifecycle-mapping-metadata.xml")) {
      assertThat(in).isNotNull();
      doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }

    assertThat(texts(doc, "goal")).containsExactly("generate", "generate-test").inOrder();
    assertThat(doc.getElementsByTagName("execute").getLength()).isEqualTo(1);
    assertThat(texts(doc, "runOnIncremental")).containsExactly("true");
    assertThat(texts(doc, "runOnConfiguration")).containsExactly("true");
  }

  private static List<String> texts(Document doc, String tag) {
    NodeList nodes = doc.getElementsByTagName(tag);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent().strip());
    }
    return texts;
  }
}
