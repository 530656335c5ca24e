package io.scoreline.sim.salesforce;

import io.scoreline.sim.data.Activity;
import io.scoreline.sim.data.ActivityKind;
import io.scoreline.sim.data.SalesOrgChart;
import io.scoreline.sim.data.SyntheticDataset;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** The dataset seen as Salesforce rows: streamed per object, looked up by id. */
public final class SalesforceRecords {

    private final SyntheticDataset dataset;
    private final SalesforceRowMapper mapper;
    private final StageProbabilities probabilities = new StageProbabilities();
    private final SalesforceSchemaDrift drift = new SalesforceSchemaDrift();
    private final String integrationUserEmail;
    private final Instant orgCreated;
    private final List<SalesforceRow> roles;
    /** The users as of one version of the org chart; rebuilt when a rep moves team. */
    private volatile Users users;

    /** Users with the lookup map of every row a query page shows with an {@code Owner.*} field, so looked up often. */
    private record Users(long chartVersion, List<SalesforceRow> rows, Map<String, SalesforceRow> byId) {}

    public SalesforceRecords(SyntheticDataset dataset, String integrationUserEmail) {
        this.dataset = dataset;
        this.orgCreated = dataset.spec().historyStart().minusSeconds(365L * 24 * 3600);
        this.mapper = new SalesforceRowMapper(dataset.spec().zone(), orgCreated, probabilities);
        this.integrationUserEmail = integrationUserEmail;
        this.roles = SalesOrgChart.allTeams().stream().map(this::role).toList();
        this.users = buildUsers();
    }

    private List<SalesforceRow> users() {
        return currentUsers().rows();
    }

    private Users currentUsers() {
        var current = users;
        if (current.chartVersion() != dataset.orgChart().version()) {
            synchronized (this) {
                if (users.chartVersion() != dataset.orgChart().version()) {
                    users = buildUsers();
                }
                current = users;
            }
        }
        return current;
    }

    private Users buildUsers() {
        var chart = dataset.orgChart();
        long version = chart.version();
        var rows = Stream.concat(
                        dataset.reps().stream().map(rep -> withRole(mapper.user(rep), rep.number(), chart)),
                        Stream.of(mapper.integrationUser(integrationUserEmail)))
                .toList();
        var byId = new HashMap<String, SalesforceRow>();
        rows.forEach(user -> byId.putIfAbsent(user.id(), user));
        return new Users(version, rows, byId);
    }

    /** The rep's role and manager from the org chart (the mapper renders the rep alone). */
    private static SalesforceRow withRole(SalesforceRow user, int repNumber, SalesOrgChart chart) {
        Map<String, Object> values = new LinkedHashMap<>(user.values());
        values.put("UserRoleId", roleId(chart.teamOf(repNumber)));
        var manager = chart.managerOf(repNumber);
        values.put("ManagerId", manager.isPresent() ? SalesforceRowMapper.userId(manager.getAsInt()) : null);
        return new SalesforceRow(user.type(), user.id(), values);
    }

    private static String roleId(String team) {
        return SalesforceIds.of(SalesforceSchema.USER_ROLE.keyPrefix(), SalesOrgChart.teamNumber(team));
    }

    private SalesforceRow role(String team) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("Id", roleId(team));
        values.put("Name", team);
        values.put("DeveloperName", team.replace(' ', '_'));
        values.put(
                "ParentRoleId",
                SalesOrgChart.parentOf(team).map(SalesforceRecords::roleId).orElse(null));
        values.put("LastModifiedDate", orgCreated);
        values.put("SystemModstamp", orgCreated);
        return new SalesforceRow(SalesforceSchema.USER_ROLE, (String) values.get("Id"), values);
    }

    public static String integrationUserId() {
        return SalesforceRowMapper.integrationUserId();
    }

    /** The probabilities the formula field {@code Opportunity.Expected_Revenue__c} reads. */
    public StageProbabilities stageProbabilities() {
        return probabilities;
    }

    /** Fields deleted or renamed in this org at runtime. */
    public SalesforceSchemaDrift schemaDrift() {
        return drift;
    }

    /** Every row of an object, deleted ones included, in a stable order. */
    public Stream<SalesforceRow> rows(SalesforceObject type) {
        if (type == SalesforceSchema.USER_ROLE) {
            return roles.stream();
        }
        return kinds(type).isEmpty()
                ? users().stream().map(drift::apply)
                : kinds(type).stream().flatMap(dataset::stream).map(this::row);
    }

    /**
     * Every row of an object as a candidate that builds the row only when asked, in the order of
     * {@link #rows(SalesforceObject)}: queries and the replication resources test id, deleted flag
     * and modstamp of every record of an object, and need few of the rows.
     */
    Stream<QueryCandidate> candidates(SalesforceObject type) {
        if (type == SalesforceSchema.USER_ROLE) {
            return roles.stream().map(QueryCandidate::of);
        }
        if (kinds(type).isEmpty()) {
            return users().stream().map(drift::apply).map(QueryCandidate::of);
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
                        () -> row(activity)));
    }

    public Optional<SalesforceRow> byId(String id) {
        Optional<SalesforceObject> type = SalesforceSchema.byKeyPrefix(id);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        if (type.get() == SalesforceSchema.USER) {
            return Optional.ofNullable(currentUsers().byId().get(normalize(id))).map(drift::apply);
        }
        OptionalLong number = SalesforceIds.number(id, type.get().keyPrefix());
        return number.isEmpty() ? Optional.empty() : byNumber(type.get(), number.getAsLong());
    }

    /** The row whose id holds this number; a query cursor keeps numbers, so it need not build and parse the id. */
    Optional<SalesforceRow> byNumber(SalesforceObject type, long number) {
        if (type == SalesforceSchema.USER) {
            return Optional.ofNullable(currentUsers().byId().get(SalesforceIds.of(type.keyPrefix(), number)))
                    .map(drift::apply);
        }
        if (type == SalesforceSchema.USER_ROLE) {
            return number >= 1 && number <= roles.size() ? Optional.of(roles.get((int) number - 1)) : Optional.empty();
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
                    : dataset.find(kind, number / 8).map(this::row);
        }
        List<ActivityKind> kinds = kinds(type);
        return kinds.size() == 1 ? dataset.find(kinds.getFirst(), number - 1).map(this::row) : Optional.empty();
    }

    /** The record as the org returns it now, after any schema drift. */
    public SalesforceRow row(Activity activity) {
        return drift.apply(mapper.row(activity));
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
