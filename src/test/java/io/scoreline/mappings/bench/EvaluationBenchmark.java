package io.scoreline.mappings.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.MappingRecord;
import io.scoreline.mappings.RuleSet;
import io.scoreline.mappings.StockTemplates;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures record×rule evaluations per second on one thread for the stock Salesforce template.
 * Off by default and asserts no timing (timed assertions are flaky); run it by hand with
 * {@code mvn test -Dtest=EvaluationBenchmark -Dmappings.bench=true} and read the figure in
 * {@code target/mappings-benchmark.txt}. Real measurements belong to
 * {@code scoreline bench}; this is the mapping engine's share.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "mappings.bench", matches = "true")
class EvaluationBenchmark {

    @Test
    void evaluationsPerSecondOnOneThread(TestReporter reporter) throws java.io.IOException {
        var rules = ((CompileResult.Compiled) MappingCompiler.compile(
                        StockTemplates.text(CrmProvider.SALESFORCE), FieldCatalog.stock(CrmProvider.SALESFORCE)))
                .ruleSet();
        var records = records(new Random(7), 20_000);
        long evaluationsPerPass = records.stream()
                .mapToLong(r -> rules.rulesFor(r.objectType()).size())
                .sum();
        var zone = ZoneId.of("America/New_York");
        long sink = 0;
        for (int i = 0; i < 30; i++) {
            sink += pass(rules, records, zone);
        }
        int passes = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            sink += pass(rules, records, zone);
            passes++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < 10_000_000_000L);
        double perSecond = evaluationsPerPass * (double) passes / (elapsed / 1e9);
        var figure = String.format(
                "record x rule evaluations per second (1 thread): %,.0f (%d records x %d passes)%n",
                perSecond, records.size(), passes);
        reporter.publishEntry("mappings.evaluations_per_second", String.format("%.0f", perSecond));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "mappings-benchmark.txt"), figure);
        assertThat(sink).as("facts produced").isPositive();
    }

    private static long pass(RuleSet rules, List<MappingRecord> records, ZoneId zone) {
        long facts = 0;
        for (var record : records) {
            facts += rules.evaluate(record, zone, w -> {}).size();
        }
        return facts;
    }

    static List<MappingRecord> records(Random random, int count) {
        var records = new ArrayList<MappingRecord>(count);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(20);
            records.add(kind < 14 ? task(random, i) : kind < 17 ? event(random, i) : opportunity(random, i));
        }
        return records;
    }

    private static MappingRecord task(Random random, int i) {
        var fields = new HashMap<String, Object>();
        fields.put("Id", "00T" + i);
        fields.put(
                "TaskSubtype",
                List.of("Call", "Call", "Email", "Task", "ListEmail").get(random.nextInt(5)));
        fields.put("Status", random.nextBoolean() ? "Completed" : "Open");
        fields.put(
                "CallDisposition",
                List.of("Connected", "Left Voicemail", "Meeting Booked").get(random.nextInt(3)));
        fields.put("CallDurationInSeconds", random.nextInt(600));
        fields.put("CreatedDate", "2024-05-" + (10 + random.nextInt(20)) + "T14:03:22.000+0000");
        fields.put("CompletedDateTime", "2024-05-" + (10 + random.nextInt(20)) + "T15:03:22.000+0000");
        fields.put("OwnerId", "005" + random.nextInt(50));
        return new MappingRecord("Task", "00T" + i, fields);
    }

    private static MappingRecord event(Random random, int i) {
        var fields = new HashMap<String, Object>();
        fields.put("EventSubtype", "Event");
        fields.put("IsAllDayEvent", random.nextInt(10) == 0);
        fields.put("Subject", random.nextInt(8) == 0 ? "Cancelled: demo" : "Demo");
        fields.put("CreatedDate", "2024-05-" + (10 + random.nextInt(20)) + "T09:00:00.000+0000");
        fields.put("ActivityDateTime", "2024-05-" + (10 + random.nextInt(20)) + "T16:00:00.000+0000");
        fields.put("OwnerId", "005" + random.nextInt(50));
        return new MappingRecord("Event", "00U" + i, fields);
    }

    private static MappingRecord opportunity(Random random, int i) {
        var fields = new HashMap<String, Object>();
        fields.put("IsWon", random.nextInt(3) == 0);
        fields.put("Amount", 1000 + random.nextInt(50_000) + 0.5);
        fields.put("CloseDate", "2024-05-" + (10 + random.nextInt(20)));
        fields.put("CreatedDate", "2024-04-" + (10 + random.nextInt(20)) + "T09:00:00.000+0000");
        fields.put("OwnerId", "005" + random.nextInt(50));
        fields.put("CreatedById", "005" + random.nextInt(50));
        return new MappingRecord("Opportunity", "006" + i, fields);
    }
}
