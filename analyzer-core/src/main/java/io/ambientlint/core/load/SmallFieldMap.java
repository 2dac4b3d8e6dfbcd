package io.ambientlint.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The fields of one YAML mapping as the loader's {@code ObjectNode}s hold them: keys and values side by side in
 * one array, in insertion order, looked up by a linear scan. A manifest's mappings have two or three fields on
 * average, and a repository keeps every tree until the end of the run: a {@link LinkedHashMap} costs about three
 * times the memory (its table and one entry object per field), which at 100,000 resources is a tenth of the heap
 * and most of what the collector copies. Past {@link #LINEAR_MAX} fields (a large ConfigMap, a long label set) the
 * fields move to a {@link LinkedHashMap}, so lookups never become linear in a big mapping.
 */
final class SmallFieldMap extends AbstractMap<String, JsonNode> {

  static final int LINEAR_MAX = 8;

  /** key0, value0, key1, value1, ...; unused while {@link #large} is set. */
  private Object[] slots;
  private int size;
  private Map<String, JsonNode> large;
  /** Structural changes, so an iterator notices a change it did not make. */
  private int modifications;

  SmallFieldMap(int expectedSize) {
    slots = new Object[2 * Math.max(1, Math.min(expectedSize, LINEAR_MAX))];
  }

  /** Drops unused capacity once the mapping is complete: the tree lives as long as the run. */
  void trim() {
    if (large == null && slots.length > 2 * size) {
      slots = Arrays.copyOf(slots, 2 * Math.max(1, size));
    }
  }

  private int indexOf(Object key) {
    for (int i = 0; i < size; i++) {
      Object k = slots[2 * i];
      if (k == key || k.equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int size() {
    return large != null ? large.size() : size;
  }

  @Override
  public boolean containsKey(Object key) {
    return large != null ? large.containsKey(key) : indexOf(key) >= 0;
  }

  @Override
  public JsonNode get(Object key) {
    if (large != null) {
      return large.get(key);
    }
    int i = indexOf(key);
    return i < 0 ? null : (JsonNode) slots[2 * i + 1];
  }

  @Override
  public JsonNode put(String key, JsonNode value) {
    Objects.requireNonNull(key, "field name");
    if (large != null) {
      return large.put(key, value);
    }
    int i = indexOf(key);
    if (i >= 0) {
      JsonNode old = (JsonNode) slots[2 * i + 1];
      slots[2 * i + 1] = value;
      return old;
    }
    modifications++;
    if (size == LINEAR_MAX) {
      large = new LinkedHashMap<>(4 * LINEAR_MAX);
      for (int j = 0; j < size; j++) {
        large.put((String) slots[2 * j], (JsonNode) slots[2 * j + 1]);
      }
      slots = null;
      size = 0;
      large.put(key, value);
      return null;
    }
    if (2 * size == slots.length) {
      slots = Arrays.copyOf(slots, 2 * slots.length);
    }
    slots[2 * size] = key;
    slots[2 * size + 1] = value;
    size++;
    return null;
  }

  @Override
  public JsonNode remove(Object key) {
    if (large != null) {
      return large.remove(key);
    }
    int i = indexOf(key);
    if (i < 0) {
      return null;
    }
    JsonNode old = (JsonNode) slots[2 * i + 1];
    removeAt(i);
    return old;
  }

  private void removeAt(int i) {
    System.arraycopy(slots, 2 * i + 2, slots, 2 * i, 2 * (size - i - 1));
    size--;
    slots[2 * size] = null;
    slots[2 * size + 1] = null;
    modifications++;
  }

  @Override
  public void clear() {
    if (large != null) {
      large.clear();
      return;
    }
    Arrays.fill(slots, null);
    size = 0;
    modifications++;
  }

  @Override
  public Set<Entry<String, JsonNode>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return SmallFieldMap.this.size();
      }

      @Override
      public Iterator<Entry<String, JsonNode>> iterator() {
        return large != null ? large.entrySet().iterator() : new Fields();
      }
    };
  }

  /** Iterates the linear fields; its entries write through, and {@code remove()} removes the last one returned. */
  private final class Fields implements Iterator<Entry<String, JsonNode>> {
    private int next;
    private int last = -1;
    private int expected = modifications;

    @Override
    public boolean hasNext() {
      return next < size && large == null;
    }

    @Override
    public Entry<String, JsonNode> next() {
      if (expected != modifications || large != null) {
        throw new ConcurrentModificationException();
      }
      if (next >= size) {
        throw new NoSuchElementException();
      }
      last = next++;
      return new Field(last);
    }

    @Override
    public void remove() {
      if (last < 0) {
        throw new IllegalStateException();
      }
      if (expected != modifications) {
        throw new ConcurrentModificationException();
      }
      removeAt(last);
      next = last;
      last = -1;
      expected = modifications;
    }
  }

  private final class Field implements Entry<String, JsonNode> {
    private final String key;
    private JsonNode value;
    private final int at;
    private final int expected = modifications;

    Field(int at) {
      this.at = at;
      this.key = (String) slots[2 * at];
      this.value = (JsonNode) slots[2 * at + 1];
    }

    @Override
    public String getKey() {
      return key;
    }

    @Override
    public JsonNode getValue() {
      // live, like a LinkedHashMap entry, while the fields have not moved
      return expected == modifications && large == null ? (JsonNode) slots[2 * at + 1] : value;
    }

    @Override
    public JsonNode setValue(JsonNode newValue) {
      if (expected != modifications || large != null) {
        throw new ConcurrentModificationException();
      }
      JsonNode old = getValue();
      value = newValue;
      slots[2 * at + 1] = newValue;
      return old;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Entry<?, ?> e && key.equals(e.getKey()) && Objects.equals(value, e.getValue());
    }

    @Override
    public int hashCode() {
      return key.hashCode() ^ Objects.hashCode(value);
    }

    @Override
    public String toString() {
      return key + "=" + value;
    }
  }
}
