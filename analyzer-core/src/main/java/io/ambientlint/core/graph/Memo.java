package io.ambientlint.core.graph;

import java.util.function.Supplier;

/**
 * A value computed on first use, once, whichever rule thread asks first: indexes only some rules need are not
 * built for analyses that never ask.
 */
final class Memo<T> implements Supplier<T> {
  private final Supplier<T> compute;
  private volatile T value;

  Memo(Supplier<T> compute) {
    this.compute = compute;
  }

  @Override
  public T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null) {
          v = compute.get();
          value = v;
        }
      }
    }
    return v;
  }
}
