package dev.slaservice.sla.rest;

import java.util.List;

/**
 * One page of a list. {@code nextCursor} is null on the last page; pass it as {@code cursor} to
 * get the next.
 */
public record Page<T>(List<T> items, String nextCursor) {
}
