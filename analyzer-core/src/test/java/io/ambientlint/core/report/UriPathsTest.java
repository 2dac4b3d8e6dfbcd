package io.ambientlint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UriPathsTest {

  @Test
  void encodesEveryByteButUnreservedCharactersAndSlashes() {
    assertThat(UriPaths.relativeReference("m/a b(1)#?%.yaml")).isEqualTo("m/a%20b%281%29%23%3F%25.yaml");
    assertThat(UriPaths.relativeReference("::error::x.yaml")).as("no scheme in the first segment").isEqualTo("%3A%3Aerror%3A%3Ax.yaml");
    assertThat(UriPaths.relativeReference("café-😀.yaml")).as("whole code points, outside the BMP too")
        .isEqualTo("caf%C3%A9-%F0%9F%98%80.yaml");
  }

  @Test
  void aNameThatIsNotUtf8IsEncodedFromItsBytes() {
    assertThat(UriPaths.relativeReference("bad\uDCFF\uDCC3.yaml")).isEqualTo("bad%FF%C3.yaml");
    assertThat(UriPaths.relativeReference(new byte[] {'a', (byte) 0xFF, '/', 'b'})).isEqualTo("a%FF/b");
    assertThat(UriPaths.relativeReference("lone\uD800")).isEqualTo("lone%EF%BF%BD");
  }

  @Test
  void everyReferenceParsesAsARelativeUri() {
    for (String name : new String[] {"::error::x.yaml", "a b/c?d#e", "café-😀.yaml", "bad\uDCFF", "x\n::add-mask::y", "[x](y)"}) {
      URI uri = URI.create(UriPaths.relativeReference(name));
      assertThat(uri.isAbsolute()).as(name).isFalse();
      assertThat(uri.getRawQuery()).isNull();
      assertThat(uri.getRawFragment()).isNull();
    }
  }
}
