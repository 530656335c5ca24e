package io.scoreline.sim;

import io.scoreline.sim.data.SyntheticDataset;
import io.scoreline.sim.http.JsonCodec;
import io.scoreline.sim.hubspot.HubSpotObjectType;
import io.scoreline.sim.hubspot.HubSpotRecords;
import io.scoreline.sim.salesforce.SalesforceJsonWriter;
import io.scoreline.sim.salesforce.SalesforceRecords;
import io.scoreline.sim.salesforce.SalesforceSchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Writes the ground truth an independent checker computes expected KPIs from: every record exactly
 * as the API returns it, streamed so that millions of records never sit in memory together.
 */
final class GroundTruthDump {

    static final String API_VERSION = "56.0";

    private final SyntheticDataset dataset;
    private final SalesforceRecords salesforce;
    private final HubSpotRecords hubSpot;

    GroundTruthDump(SyntheticDataset dataset, SalesforceRecords salesforce, HubSpotRecords hubSpot) {
        this.dataset = dataset;
        this.salesforce = salesforce;
        this.hubSpot = hubSpot;
    }

    void write(Path directory) {
        Path salesforceDir = directory.resolve("salesforce");
        for (var type : SalesforceSchema.ALL) {
            writeLines(
                    salesforceDir.resolve(type.name() + ".jsonl"),
                    salesforce.rows(type).map(row -> SalesforceJsonWriter.fullRecord(row, API_VERSION)));
        }
        Path hubSpotDir = directory.resolve("hubspot");
        writeLines(hubSpotDir.resolve("owners.jsonl"), dataset.reps().stream().map(HubSpotRecords::ownerJson));
        for (HubSpotObjectType type : HubSpotObjectType.values()) {
            writeLines(
                    hubSpotDir.resolve(type.pathName() + ".jsonl"),
                    hubSpot.all(type).map(HubSpotRecords::fullJson));
        }
    }

    static void writeLines(Path file, Stream<?> records) {
        try {
            Files.createDirectories(file.getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    Stream<?> lines = records) {
                Iterator<?> iterator = lines.iterator();
                while (iterator.hasNext()) {
                    out.write(JsonCodec.writeString(iterator.next()));
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
