/**
 * The plug-in interface of the {@code discern} command: {@link org.discern.plugin.CommandPlugin},
 * found through {@link java.util.ServiceLoader}. It depends on picocli only, so that a plug-in
 * never depends on the command line module and the command line module never depends on a
 * plug-in.
 */
package org.discern.plugin;
