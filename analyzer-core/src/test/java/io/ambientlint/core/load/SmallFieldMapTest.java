package io.ambientlint.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The loader's field map behaves as the LinkedHashMap it replaces, below and above the linear threshold. */
class SmallFieldMapTest {

  @Test
  void randomOperationsGiveWhatALinkedHashMapGives() {
    Random random = new Random(7);
    for (int run = 0; run < 300; run++) {
      SmallFieldMap small = new SmallFieldMap(random.nextInt(6));
      Map<String, JsonNode> expected = new LinkedHashMap<>();
      int keys = 2 + random.nextInt(3 * SmallFieldMap.LINEAR_MAX);
      for (int op = 0; op < 60; op++) {
        String key = "k" + random.nextInt(keys);
        JsonNode value = IntNode.valueOf(random.nextInt(100));
        switch (random.nextInt(6)) {
          case 0, 1, 2 -> assertThat(small.put(key, value)).isEqualTo(expected.put(key, value));
          case 3 -> assertThat(small.remove(key)).isEqualTo(expected.remove(key));
          case 4 -> removeEverySecondByIterator(small, expected);
          default -> small.trim();
        }
        assertThat(small.get(key)).isEqualTo(expected.get(key));
        assertThat(small.containsKey(key)).isEqualTo(expected.containsKey(key));
        assertThat(new ArrayList<>(small.entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
        assertThat(small).isEqualTo(expected).hasSameHashCodeAs(expected);
      }
    }
  }

  private static void removeEverySecondByIterator(Map<String, JsonNode> small, Map<String, JsonNode> expected) {
    for (Map<String, JsonNode> m : List.of(small, expected)) {
      int i = 0;
      for (Iterator<Map.Entry<String, JsonNode>> it = m.entrySet().iterator(); it.hasNext(); i++) {
        it.next();
        if (i % 2 == 1) {
          it.remove();
        }
      }
    }
  }

  @Test
  void entriesWriteThroughAndAnOutsideChangeStopsAnIterator() {
    SmallFieldMap small = new SmallFieldMap(2);
    small.put("a", IntNode.valueOf(1));
    small.put("b", IntNode.valueOf(2));
    Map.Entry<String, JsonNode> first = small.entrySet().iterator().next();
    first.setValue(IntNode.valueOf(10));
    assertThat(small.get("a")).isEqualTo(IntNode.valueOf(10));
    small.put("a", IntNode.valueOf(11));
    assertThat(first.getValue()).isEqualTo(IntNode.valueOf(11));
    assertThat(first.setValue(IntNode.valueOf(12))).isEqualTo(IntNode.valueOf(11));
    assertThat(small.get("a")).isEqualTo(IntNode.valueOf(12));
    Iterator<Map.Entry<String, JsonNode>> it = small.entrySet().iterator();
    it.next();
    small.put("c", IntNode.valueOf(3));
    assertThatThrownBy(it::next).isInstanceOf(ConcurrentModificationException.class);
  }

  @Test
  void anObjectNodeOverItEqualsAndPrintsAsAnOrdinaryOne() throws Exception {
    ObjectNode compact = new ObjectNode(JsonNodeFactory.instance, new SmallFieldMap(1));
    ObjectNode ordinary = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < 2 * SmallFieldMap.LINEAR_MAX; i++) {
      compact.put("f" + i, i);
      ordinary.put("f" + i, i);
      assertThat(compact).isEqualTo(ordinary);
      assertThat(ordinary).isEqualTo(compact);
      assertThat(new ObjectMapper().writeValueAsString(compact)).isEqualTo(new ObjectMapper().writeValueAsString(ordinary));
    }
    compact.remove("f3");
    assertThat(compact.has("f3")).isFalse();
    assertThat(compact.deepCopy()).isEqualTo(compact);
  }
}
