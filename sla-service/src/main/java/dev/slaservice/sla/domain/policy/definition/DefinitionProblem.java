package dev.slaservice.sla.domain.policy.definition;

/**
 * What is wrong with a plan definition, and where: a JSON path such as {@code
 * $.priorities[0].names.zh}.
 */
public record DefinitionProblem(String path, String message) {}
