package io.ambientlint.core.kustomize;

import com.fasterxml.jackson.databind.node.IntNode;
import io.ambientlint.core.load.SourceMap;
import io.ambientlint.core.model.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** kustomize's built-in transformers (namespace, prefix/suffix, labels, annotations, replicas, images). */
final class Transformers {

  private Transformers() {}

  /** Field specs written in a kustomization or transformer config ({@code group}, {@code kind}, {@code path}, {@code create}). */
  static List<FieldSpecs.Spec> fieldSpecs(PNode list) {
    List<FieldSpecs.Spec> out = new ArrayList<>();
    if (list == null || !list.isList()) {
      return out;
    }
    for (PNode fs : list.items()) {
      String path = fs.textAt("path");
      if (path == null) {
        continue;
      }
      PNode create = fs.get("create");
      out.add(new FieldSpecs.Spec(fs.textAt("group"), fs.textAt("kind"), path,
          create != null && create.isScalar() && create.scalarValue().asBoolean(false)));
    }
    return out;
  }

  /** Sets every pair of {@code pairs} (labels or annotations) at each field spec's mapping. */
  static void setMap(List<KustomizeRenderer.Obj> objects, PNode pairs, List<FieldSpecs.Spec> specs) {
    if (pairs == null || !pairs.isMap() || pairs.fields().isEmpty()) {
      return;
    }
    for (KustomizeRenderer.Obj o : objects) {
      for (FieldSpecs.Spec spec : specs) {
        if (!spec.selects(o.group(), o.kind())) {
          continue;
        }
        FieldSpecs.visit(o.root, spec.path(), spec.create(), pairs.at, (parent, key) -> {
          PNode target = parent.get(key);
          if (target == null || target.isNull()) {
            target = PNode.map(pairs.at);
            target.keyAt = pairs.keyAt;
            parent.put(key, target);
          }
          if (!target.isMap()) {
            return;
          }
          for (Map.Entry<String, PNode> e : pairs.fields().entrySet()) {
            PNode value = PNode.text(e.getValue().text() == null ? "" : e.getValue().text(), e.getValue().at);
            value.keyAt = e.getValue().keyAt;
            target.put(e.getKey(), value);
          }
        });
      }
    }
  }

  static void namespace(List<KustomizeRenderer.Obj> objects, String namespace, Location at, boolean unsetOnly) {
    for (KustomizeRenderer.Obj o : objects) {
      if (o.kind().equals("Namespace") && o.apiVersion().equals("v1")) {
        if (!unsetOnly || o.name().isEmpty()) {
          o.rename(namespace, at);
        }
        continue;
      }
      if (o.kind().equals("RoleBinding") || o.kind().equals("ClusterRoleBinding")) {
        PNode subjects = o.root.get("subjects");
        if (subjects != null && subjects.isList()) {
          for (PNode s : subjects.items()) {
            if (s.isMap() && "default".equals(s.textAt("name")) && (!unsetOnly || s.get("namespace") == null)) {
              s.put("namespace", PNode.text(namespace, at));
            }
          }
        }
      }
      if (o.kind().equals("APIService") && o.group().equals("apiregistration.k8s.io")) {
        set(o.root, "spec/service/namespace", true, namespace, at, unsetOnly);
      }
      if (o.kind().equals("CustomResourceDefinition")) {
        set(o.root, "spec/conversion/webhook/clientConfig/service/namespace", false, namespace, at, unsetOnly);
      }
      if (o.clusterScoped()) {
        continue;
      }
      if (unsetOnly && !o.namespace().isEmpty()) {
        continue;
      }
      PNode meta = o.root.mapChild("metadata", at);
      PNode old = meta.get("namespace");
      PNode value = PNode.text(namespace, at);
      value.keyAt = old != null ? old.keyAt : at;
      meta.put("namespace", value);
      o.chain.add(new SourceMap.RenderStep(at.path(), at.position(), "namespace set by this kustomization"));
    }
  }

  private static void set(PNode root, String path, boolean create, String value, Location at, boolean unsetOnly) {
    FieldSpecs.visit(root, path, create, at, (parent, key) -> {
      if (!unsetOnly || parent.get(key) == null) {
        parent.put(key, PNode.text(value, at));
      }
    });
  }

  static void prefixSuffix(List<KustomizeRenderer.Obj> objects, String prefix, String suffix, Location at) {
    for (KustomizeRenderer.Obj o : objects) {
      String kind = o.kind();
      if (kind.equals("CustomResourceDefinition") || kind.equals("Namespace")
          || (kind.equals("APIService") && o.group().equals("apiregistration.k8s.io"))) {
        continue;
      }
      o.rename(prefix + o.name() + suffix, at);
      o.chain.add(new SourceMap.RenderStep(at.path(), at.position(), "renamed by this kustomization"));
    }
  }

  static void replicas(List<KustomizeRenderer.Obj> objects, PNode entry, List<FieldSpecs.Spec> specs) {
    String name = entry.textAt("name");
    PNode count = entry.get("count");
    if (name == null || count == null || !count.isScalar()) {
      return;
    }
    for (KustomizeRenderer.Obj o : objects) {
      if (!o.names.contains(name)) {
        continue;
      }
      for (FieldSpecs.Spec spec : specs) {
        if (spec.selects(o.group(), o.kind())) {
          FieldSpecs.visit(o.root, spec.path(), spec.create(), count.at, (parent, key) ->
              parent.put(key, PNode.scalar(IntNode.valueOf(count.scalarValue().asInt()), count.at)));
        }
      }
    }
  }

  /** An {@code images} entry: name, newName, newTag, digest, tagSuffix. */
  static void images(List<KustomizeRenderer.Obj> objects, PNode entry) {
    String name = entry.textAt("name");
    if (name == null) {
      return;
    }
    for (KustomizeRenderer.Obj o : objects) {
      if (o.kind().equals("CustomResourceDefinition")) {
        continue;
      }
      walkContainers(o.root, entry, name);
    }
  }

  private static void walkContainers(PNode node, PNode entry, String name) {
    if (node.isList()) {
      node.items().forEach(i -> walkContainers(i, entry, name));
      return;
    }
    if (!node.isMap()) {
      return;
    }
    for (Map.Entry<String, PNode> e : node.fields().entrySet()) {
      walkContainers(e.getValue(), entry, name);
      if ((e.getKey().equals("containers") || e.getKey().equals("initContainers")) && e.getValue().isList()) {
        for (PNode c : e.getValue().items()) {
          PNode image = c.get("image");
          if (image != null && image.text() != null) {
            String updated = updateImage(image.text(), entry, name);
            if (updated != null) {
              PNode value = PNode.text(updated, entry.at);
              value.keyAt = image.keyAt;
              c.put("image", value);
            }
          }
        }
      }
    }
  }

  /** The new image reference, or null when {@code image} is not the entry's image. */
  static String updateImage(String image, PNode entry, String name) {
    String[] parts = split(image);
    if (!parts[0].equals(name)) {
      return null;
    }
    String n = parts[0];
    String tag = parts[1];
    String digest = parts[2];
    String newName = entry.textAt("newName");
    String newTag = entry.textAt("newTag");
    String newDigest = entry.textAt("digest");
    String tagSuffix = entry.textAt("tagSuffix");
    if (newName != null && !newName.isEmpty()) {
      n = newName;
    }
    if (newTag != null && !newTag.isEmpty() && newDigest != null && !newDigest.isEmpty()) {
      tag = newTag;
      digest = newDigest;
    } else if (newTag != null && !newTag.isEmpty()) {
      tag = newTag;
      digest = "";
    } else if (newDigest != null && !newDigest.isEmpty()) {
      tag = "";
      digest = newDigest;
    } else if (tagSuffix != null && !tagSuffix.isEmpty()) {
      tag = tag + tagSuffix;
      digest = "";
    }
    if (!tag.isEmpty()) {
      n += ":" + tag;
    }
    if (!digest.isEmpty()) {
      n += "@" + digest;
    }
    return n;
  }

  /** name, tag, digest of an image reference ({@code registry:5000/app:1.0@sha256:...}). */
  static String[] split(String image) {
    String rest = image;
    String digest = "";
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    String tag = "";
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    return new String[] {rest, tag, digest};
  }
}
