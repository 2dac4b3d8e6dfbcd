package io.example;

/** Makes this module a Java project: its src/main/resources is then not read by default. */
public class App {}
