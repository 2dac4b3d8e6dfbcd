package io.ambientlint.core.report;

import io.ambientlint.core.AnalysisResult;
import java.io.IOException;
import java.io.Writer;

/** Writes an analysis result in one format. Output is deterministic: same input, same bytes. */
public interface Reporter {
  void write(AnalysisResult result, Writer out) throws IOException;
}
