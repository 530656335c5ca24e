package io.scoreline.sim.salesforce;

import io.scoreline.sim.data.Activity;
import io.scoreline.sim.data.ActivityKind;
import io.scoreline.sim.data.SyntheticDataset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** The dataset seen as Salesforce rows: streamed per object, looked up by id. */
public final class SalesforceRecords {

    private final SyntheticDataset dataset;
    private final SalesforceRowMapper mapper;
    private final List<SalesforceRow> users;
    /** Parents of every row a query page shows with an {@code Owner.*} field, so looked up often. */
    private final Map<String, SalesforceRow> usersById = new HashMap<>();

    public SalesforceRecords(SyntheticDataset dataset, String integrationUserEmail) {
        this.dataset = dataset;
        this.mapper = new SalesforceRowMapper(
                dataset.spec().zone(), dataset.spec().historyStart().minusSeconds(365L * 24 * 3600));
        this.users = Stream.concat(
                        dataset.reps().stream().map(mapper::user),
                        Stream.of(mapper.integrationUser(integrationUserEmail)))
                .toList();
        users.forEach(user -> usersById.putIfAbsent(user.id(), user));
    }

    public static String integrationUserId() {
        return SalesforceRowMapper.integrationUserId();
    }

    /** Every row of an object, deleted ones included, in a stable order. */
    public Stream<SalesforceRow> rows(SalesforceObject type) {
        return kinds(type).isEmpty()
                ? users.stream()
                : kinds(type).stream().flatMap(dataset::stream).map(mapper::row);
    }

    /**
     * Every row of an object as a candidate that builds the row only when asked, in the order of
     * {@link #rows(SalesforceObject)}: queries and the replication resources test id, deleted flag
     * and modstamp of every record of an object, and need few of the rows.
     */
    Stream<QueryCandidate> candidates(SalesforceObject type) {
        if (kinds(type).isEmpty()) {
            return users.stream().map(QueryCandidate::of);
        }
        // SalesforceRowMapper writes a record's Id, IsDeleted and SystemModstamp from these.
        return kinds(type).stream()
                .flatMap(dataset::stream)
                .map(activity -> new QueryCandidate(
                        type,
                        SalesforceRowMapper.idNumber(
                                activity.meta().kind(), activity.meta().index()),
                        activity.meta().deleted(),
                        activity.meta().modifiedAt(),
                        () -> mapper.row(activity)));
    }

    public Optional<SalesforceRow> byId(String id) {
        Optional<SalesforceObject> type = SalesforceSchema.byKeyPrefix(id);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        if (type.get() == SalesforceSchema.USER) {
            return Optional.ofNullable(usersById.get(normalize(id)));
        }
        OptionalLong number = SalesforceIds.number(id, type.get().keyPrefix());
        return number.isEmpty() ? Optional.empty() : byNumber(type.get(), number.getAsLong());
    }

    /** The row whose id holds this number; a query cursor keeps numbers, so it need not build and parse the id. */
    Optional<SalesforceRow> byNumber(SalesforceObject type, long number) {
        if (type == SalesforceSchema.USER) {
            return Optional.ofNullable(usersById.get(SalesforceIds.of(type.keyPrefix(), number)));
        }
        if (number == 0) {
            return Optional.empty();
        }
        if (type == SalesforceSchema.TASK) {
            ActivityKind kind = switch ((int) (number % 8)) {
                case 1 -> ActivityKind.CALL;
                case 2 -> ActivityKind.EMAIL;
                case 3 -> ActivityKind.TODO;
                default -> null;
            };
            return kind == null
                    ? Optional.empty()
                    : dataset.find(kind, number / 8).map(mapper::row);
        }
        List<ActivityKind> kinds = kinds(type);
        return kinds.size() == 1 ? dataset.find(kinds.getFirst(), number - 1).map(mapper::row) : Optional.empty();
    }

    public SalesforceRow row(Activity activity) {
        return mapper.row(activity);
    }

    public static String idOf(ActivityKind kind, long index) {
        return SalesforceRowMapper.id(kind, index);
    }

    private String normalize(String id) {
        return id.length() == 15 ? id + SalesforceIds.suffix(id) : id;
    }

    private static List<ActivityKind> kinds(SalesforceObject type) {
        return switch (type.name()) {
            case "Task" -> List.of(ActivityKind.CALL, ActivityKind.EMAIL, ActivityKind.TODO);
            case "Event" -> List.of(ActivityKind.MEETING);
            case "Opportunity" -> List.of(ActivityKind.DEAL);
            case "Product_Demo__c" -> List.of(ActivityKind.DEMO);
            default -> List.of();
        };
    }
}
