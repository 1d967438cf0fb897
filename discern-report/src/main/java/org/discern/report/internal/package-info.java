/**
 * Implementation of the report module: escaping, formatting, SVG and HTML writing, reduction of
 * operating points. Not exported; may change without notice.
 */
package org.discern.report.internal;
