/**
 * Implementation details of the metrics core (sorting, argument checks). Not exported by the
 * module; nothing here is API.
 */
package org.discern.metrics.internal;
