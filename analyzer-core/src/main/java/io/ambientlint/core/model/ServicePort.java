package io.ambientlint.core.model;

import java.util.Optional;

/** A port of a Service or ServiceEntry, with the pointer of its entry in the ports list. */
public record ServicePort(Optional<String> name, int number, String protocol, Optional<String> appProtocol, String pointer) {}
