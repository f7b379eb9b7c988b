package org.daleel.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.daleel.archive.DataDir;
import org.daleel.archive.Setting;
import org.daleel.archive.Settings;
import org.daleel.web.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code daleel config list|get|set|unset}: the archive's settings, kept in {@code
 * settings.properties} in the data directory (see {@link Settings}). Only known keys are accepted,
 * each value is validated, and the file is replaced atomically.
 */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = {
            "Show and change the archive's settings (DATA/settings.properties).",
            "Settings take effect the next time a command or 'daleel serve' opens the archive.",
            "Keys: ledger.tsa.* (RFC 3161 time-stamps of the custody ledger),",
            "capture.video.max-bytes and capture.video.timeout (videos of captured",
            "pages; the size bound also applies to large video records of imported WARCs);",
            "'daleel config list' describes each."
        },
        subcommands = {
            ConfigCommand.ListCommand.class,
            ConfigCommand.GetCommand.class,
            ConfigCommand.SetCommand.class,
            ConfigCommand.UnsetCommand.class
        })
final class ConfigCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    private static ObjectNode json(Settings settings, Setting s) {
        ObjectNode o = Json.object();
        o.put("key", s.key());
        o.put("value", settings.get(s));
        o.put("set", settings.isSet(s));
        o.put("default", s.defaultValue());
        o.put("description", s.description());
        return o;
    }

    /** {@code daleel config list}. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List every setting with its value, whether it is set or defaulted, and what it does.")
    static final class ListCommand implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Override
        public Integer call() {
            Settings settings = Settings.load(data.dataDir());
            if (data.json) {
                var list = Json.array();
                for (Setting s : Setting.values()) {
                    list.add(json(settings, s));
                }
                System.out.println(Json.write(list));
                return 0;
            }
            for (Setting s : Setting.values()) {
                String value = settings.get(s);
                System.out.println(s.key() + " = " + (value.isEmpty() ? "(none)" : value)
                        + (settings.isSet(s) ? "" : "  [default]"));
                System.out.println("    " + s.description());
            }
            return 0;
        }
    }

    /** {@code daleel config get KEY}. */
    @Command(
            name = "get",
            mixinStandardHelpOptions = true,
            description = "Print the value in force for KEY (empty when none).")
    static final class GetCommand implements Callable<Integer> {
        @Parameters(paramLabel = "KEY", description = "A setting, e.g. ledger.tsa.url (see 'daleel config list').")
        String key;

        @Mixin
        DataOptions data;

        @Override
        public Integer call() {
            Setting s = Setting.parse(key);
            Settings settings = Settings.load(data.dataDir());
            System.out.println(data.json ? Json.write(json(settings, s)) : settings.get(s));
            return 0;
        }
    }

    /** {@code daleel config set KEY VALUE}. */
    @Command(
            name = "set",
            mixinStandardHelpOptions = true,
            description = "Set KEY to VALUE after checking it; an empty VALUE unsets it.")
    static final class SetCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "KEY", description = "A setting (see 'daleel config list').")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE", description = "Its new value.")
        String value;

        @Mixin
        DataOptions data;

        @Override
        public Integer call() throws IOException {
            Setting s = Setting.parse(key);
            DataDir dir = data.dataDir();
            Settings changed = Settings.load(dir).with(s, value);
            changed.save(dir);
            System.out.println(data.json ? Json.write(json(changed, s)) : s.key() + " = " + changed.get(s));
            return 0;
        }
    }

    /** {@code daleel config unset KEY}. */
    @Command(name = "unset", mixinStandardHelpOptions = true, description = "Put KEY back to its default.")
    static final class UnsetCommand implements Callable<Integer> {
        @Parameters(paramLabel = "KEY", description = "A setting (see 'daleel config list').")
        String key;

        @Mixin
        DataOptions data;

        @Override
        public Integer call() throws IOException {
            Setting s = Setting.parse(key);
            DataDir dir = data.dataDir();
            Settings changed = Settings.load(dir).without(s);
            changed.save(dir);
            System.out.println(data.json ? Json.write(json(changed, s)) : s.key() + " = " + changed.get(s));
            return 0;
        }
    }
}
