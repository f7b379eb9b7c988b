package org.daleel.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's {@code --help}, rendered as a user sees it. */
class HelpTest {

    private static List<CommandLine> everyCommand() {
        List<CommandLine> all = new ArrayList<>();
        collect(new CommandLine(new Main()).setUsageHelpWidth(Main.HELP_WIDTH), all);
        return all;
    }

    private static void collect(CommandLine cl, List<CommandLine> into) {
        into.add(cl);
        cl.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
    }

    @Test
    void every_command_s_first_description_line_is_a_complete_sentence() {
        List<String> cut = new ArrayList<>();
        for (CommandLine cl : everyCommand()) {
            String[] description = cl.getCommandSpec().usageMessage().description();
            if (description.length == 0 || cl.getCommandName().equals("help")) {
                continue;
            }
            String first = description[0].strip();
            // "daleel --help" lists only this line next to the command's name
            if (!(first.endsWith(".") || first.endsWith(".)"))) {
                cut.add(cl.getCommandSpec().qualifiedName() + ": " + first);
            }
        }
        assertThat(cut).as("first description lines that stop mid-sentence").isEmpty();
    }

    @Test
    void no_command_s_help_makes_picocli_warn() {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> warned = new ArrayList<>();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            for (CommandLine cl : everyCommand()) {
                err.reset();
                String usage = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
                String printed = err.toString(StandardCharsets.UTF_8);
                if (printed.contains("WARN") || usage.contains("%n")) {
                    warned.add(cl.getCommandSpec().qualifiedName() + ": " + printed.strip());
                }
            }
        } finally {
            System.setErr(saved);
        }
        assertThat(warned).as("commands whose --help makes picocli warn").isEmpty();
    }
}
