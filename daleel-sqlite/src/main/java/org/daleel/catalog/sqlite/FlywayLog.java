package org.daleel.catalog.sqlite;

import java.lang.System.Logger.Level;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Sends Flyway's messages to the JDK's {@link System.Logger} (JUL unless the application installs
 * another backend) one level quieter: Flyway reports every migration step at INFO, which on the
 * command line would print a dozen lines to stderr the first time an archive is created. Warnings
 * and errors keep their level. Public only because Flyway instantiates it by class name.
 */
public final class FlywayLog implements LogCreator {

    /** Called by Flyway through reflection. */
    public FlywayLog() {}

    @Override
    public Log createLogger(Class<?> type) {
        System.Logger logger = System.getLogger(type.getName());
        return new Log() {
            @Override
            public void debug(String message) {
                logger.log(Level.TRACE, message);
            }

            @Override
            public void info(String message) {
                logger.log(Level.DEBUG, message);
            }

            @Override
            public void notice(String message) {
                logger.log(Level.DEBUG, message);
            }

            @Override
            public void warn(String message) {
                logger.log(Level.WARNING, message);
            }

            @Override
            public void error(String message) {
                logger.log(Level.ERROR, message);
            }

            @Override
            public void error(String message, Exception e) {
                logger.log(Level.ERROR, message, e);
            }
        };
    }
}
