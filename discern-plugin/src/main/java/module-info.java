/**
 * The plug-in interface of the {@code discern} command: a plug-in is a jar on the class path
 * that provides {@link org.discern.plugin.CommandPlugin} through {@link java.util.ServiceLoader}.
 */
module org.discern.plugin {
    requires transitive info.picocli;

    exports org.discern.plugin;
}
