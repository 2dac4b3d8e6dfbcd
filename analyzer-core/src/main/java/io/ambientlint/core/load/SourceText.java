package io.ambientlint.core.load;

import java.util.List;

/**
 * One file's text, and the source maps of its documents, computed on first use: positions are needed only
 * for the few documents a finding points into, so the loader does not record them for every node.
 */
public final class SourceText {

  private final String path;
  private final String text;
  private final LoadLimits limits;
  private volatile List<SourceMap> maps;

  /** The maps of documents that are not read from one text (a rendered Kustomize object, say). */
  public SourceText(String path, List<SourceMap> maps) {
    this(path, "", LoadLimits.DEFAULTS);
    this.maps = List.copyOf(maps);
  }

  public SourceText(String path, String text, LoadLimits limits) {
    this.path = path;
    this.text = text;
    this.limits = limits;
  }

  /** The source map of document {@code index} of this file (empty when the document could not be read). */
  public SourceMap sourceMap(int index) {
    List<SourceMap> m = maps;
    if (m == null) {
      synchronized (this) {
        m = maps;
        if (m == null) {
          m = List.copyOf(new YamlDocumentReader(limits).sourceMaps(path, text));
          maps = m;
        }
      }
    }
    return index < m.size() ? m.get(index) : SourceMap.empty();
  }
}
