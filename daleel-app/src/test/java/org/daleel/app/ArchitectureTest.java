package org.daleel.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The big arrows of the design, enforced: the core sees only the JDK; adapters do not see each other. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.daleel");

    @Test
    void core_depends_on_nothing_but_the_jdk() {
        classes()
                .that()
                .resideInAnyPackage(
                        "org.daleel.core..",
                        "org.daleel.item..",
                        "org.daleel.blob..",
                        "org.daleel.catalog",
                        "org.daleel.search",
                        "org.daleel.extract",
                        "org.daleel.capture",
                        "org.daleel.archive..",
                        "org.daleel.warc..",
                        "org.daleel.custody..",
                        "org.daleel.match..",
                        "org.daleel.meta..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "org.daleel.core..",
                        "org.daleel.item..",
                        "org.daleel.blob..",
                        "org.daleel.catalog",
                        "org.daleel.search",
                        "org.daleel.extract",
                        "org.daleel.capture",
                        "org.daleel.archive..",
                        "org.daleel.warc..",
                        "org.daleel.custody..",
                        "org.daleel.match..",
                        "org.daleel.meta..")
                .check(CLASSES);
    }

    @Test
    void adapters_do_not_know_each_other_the_web_or_the_app() {
        String[] adapters = {
            "org.daleel.catalog.sqlite..",
            "org.daleel.search.lucene..",
            "org.daleel.capture.http..",
            "org.daleel.extract.*..",
            "org.daleel.ledger..",
            "org.daleel.media..",
            "org.daleel.analysis.."
        };
        for (String adapter : adapters) {
            String[] others = java.util.Arrays.stream(adapters)
                    .filter(a -> !a.equals(adapter))
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage(adapter)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .orShould()
                    .dependOnClassesThat()
                    .resideInAnyPackage("org.daleel.web..", "org.daleel.app..")
                    .because("adapters meet only through the core's ports")
                    .check(CLASSES);
        }
    }

    @Test
    void only_the_app_wires_adapters() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.daleel.app..")
                .and()
                .resideOutsideOfPackages("org.daleel.catalog.sqlite..", "org.daleel.search.lucene..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.daleel.catalog.sqlite..", "org.daleel.search.lucene..")
                .check(CLASSES);
    }
}
