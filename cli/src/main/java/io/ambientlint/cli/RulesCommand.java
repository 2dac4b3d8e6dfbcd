package io.ambientlint.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ambientlint.core.report.RuleDocs;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.rule.RuleRegistry;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ambient-lint rules}: the rule catalogue, from the rules' own metadata. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the rules (text, markdown or json).")
public final class RulesCommand implements Callable<Integer>, AmbientLintCommand.NeedsEnvironment {

  enum Format { text, markdown, json }

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "${COMPLETION-CANDIDATES} (default: text).")
  Format format = Format.text;

  private Environment env;

  @Override
  public void environment(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    List<RuleMetadata> rules = RuleRegistry.load().metadata();
    PrintStream out = env.out();
    switch (format) {
      case text -> {
        for (RuleMetadata m : rules) {
          out.printf("%s  %-8s %-36s %s%n", m.id(), m.severity().label(), m.name(), m.summary());
        }
      }
      case markdown -> {
        out.print(RuleDocs.index(rules));
        for (RuleMetadata m : rules) {
          out.print("\n---\n\n");
          out.print(RuleDocs.page(m).replaceFirst("<!--.*-->\n", ""));
        }
      }
      case json -> {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        for (RuleMetadata m : rules) {
          ObjectNode n = array.addObject();
          n.put("id", m.id());
          n.put("name", m.name());
          n.put("severity", m.severity().label());
          n.put("summary", m.summary());
          n.put("description", m.description());
          n.put("help", m.help());
          m.tags().forEach(n.putArray("tags")::add);
          m.securitySeverity().ifPresent(s -> n.put("securitySeverity", s));
          n.put("precision", m.precision());
        }
        out.println(mapper.writeValueAsString(array));
      }
    }
    out.flush();
    return ExitCodes.SUCCESS;
  }
}
