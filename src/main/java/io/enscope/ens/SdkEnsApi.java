package io.enscope.ens;

import io.enscope.ens.model.Eip;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.Instance;
import io.enscope.ens.model.InstanceType;
import io.enscope.ens.model.Network;
import io.enscope.ens.model.NetworkAttributes;
import io.enscope.ens.model.NetworkInterface;
import io.enscope.ens.model.Page;
import io.enscope.ens.model.PageRequest;
import io.enscope.ens.model.Region;
import io.enscope.ens.model.SecurityGroup;
import io.enscope.ens.model.SecurityGroupRule;
import io.enscope.ens.model.SystemEvent;
import io.enscope.ens.model.RouteEntry;
import io.enscope.ens.model.TagPage;
import io.enscope.ens.model.VSwitch;
import io.enscope.ens.model.VSwitchAttributes;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link EnsApi} over aliyun-java-sdk-core: signed RPC requests to the configured endpoint,
 * answers read with Jackson into the {@code ens.model} records, errors turned into
 * {@link EnsError}s. Reads are retried as {@link RetrySettings} say; writes are sent once.
 *
 * <p>Thread-safe: one instance serves all threads of the application.
 */
public final class SdkEnsApi implements EnsApi, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SdkEnsApi.class);

    private final Transport transport;
    private final Retrier retrier;
    private final Pacer pacer;

    /**
     * @param config      endpoint, protocol, timeouts and retries
     * @param credentials the credentials, asked before each request
     */
    public SdkEnsApi(EnsClientConfig config, EnsCredentialsProvider credentials) {
        this(config, credentials, Sleeper.SYSTEM);
    }

    /**
     * @param config      endpoint, protocol, timeouts and retries
     * @param credentials the credentials, asked before each request
     * @param sleeper     how to wait between retries (tests pass one that does not sleep)
     */
    public SdkEnsApi(EnsClientConfig config, EnsCredentialsProvider credentials, Sleeper sleeper) {
        this(new SdkTransport(config, credentials), config.retry(), sleeper,
                () -> ThreadLocalRandom.current().nextDouble(), Pacer.of(config.pacing()));
    }

    SdkEnsApi(Transport transport, RetrySettings retry, Sleeper sleeper, DoubleSupplier random) {
        this(transport, retry, sleeper, random, Pacer.of(PacingSettings.off()));
    }

    SdkEnsApi(Transport transport, RetrySettings retry, Sleeper sleeper, DoubleSupplier random, Pacer pacer) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.retrier = new Retrier(retry, sleeper, random);
        this.pacer = Objects.requireNonNull(pacer, "pacer");
    }

    @Override
    public List<Region> describeRegions() {
        return read(EnsOperation.DESCRIBE_REGIONS, Map.of(), EnsResponses.RegionsResponse.class,
                EnsResponses.RegionsResponse::items);
    }

    @Override
    public Page<Network> describeNetworks(NetworkQuery query, PageRequest page) {
        Map<String, String> params = new QueryParams()
                .put("EnsRegionId", query.regionId())
                .repeatList("EnsRegionIds", query.regionIds())
                .put("NetworkId", query.networkId())
                .repeatList("NetworkIds", query.networkIds())
                .put("NetworkName", query.networkName())
                .page(page)
                .build();
        return read(EnsOperation.DESCRIBE_NETWORKS, params, EnsResponses.NetworksResponse.class, r -> r.page(page));
    }

    @Override
    public Page<VSwitch> describeVSwitches(VSwitchQuery query, PageRequest page) {
        Map<String, String> params = new QueryParams()
                .put("EnsRegionId", query.regionId())
                .repeatList("EnsRegionIds", query.regionIds())
                .put("NetworkId", query.networkId())
                .put("VSwitchId", query.vSwitchId())
                .repeatList("VSwitchIds", query.vSwitchIds())
                .put("VSwitchName", query.vSwitchName())
                .page(page)
                .build();
        return read(EnsOperation.DESCRIBE_VSWITCHES, params, EnsResponses.VSwitchesResponse.class, r -> r.page(page));
    }

    @Override
    public Page<Instance> describeInstances(InstanceQuery query, PageRequest page) {
        Map<String, String> params = new QueryParams()
                .put("EnsRegionId", query.regionId())
                .jsonList("EnsRegionIds", query.regionIds())
                .put("InstanceId", query.instanceId())
                .jsonList("InstanceIds", query.instanceIds())
                .put("InstanceName", query.instanceName())
                .put("NetworkId", query.networkId())
                .put("VSwitchId", query.vSwitchId())
                .put("Status", query.status() == null ? null : query.status().wireValue())
                .put("InstanceResourceType", query.instanceResourceType())
                .page(page)
                .build();
        return read(EnsOperation.DESCRIBE_INSTANCES, params, EnsResponses.InstancesResponse.class, r -> r.page(page));
    }

    @Override
    public Page<NetworkInterface> describeNetworkInterfaces(NetworkInterfaceQuery query, PageRequest page) {
        Map<String, String> params = new QueryParams()
                .put("EnsRegionId", query.regionId())
                .repeatList("EnsRegionIds", query.regionIds())
                .put("NetworkInterfaceId", query.networkInterfaceId())
                .repeatList("NetworkInterfaceIds", query.networkInterfaceIds())
                .put("InstanceId", query.instanceId())
                .put("NetworkId", query.networkId())
                .put("VSwitchId", query.vSwitchId())
                .put("Type", query.type() == null ? null : query.type().wireValue())
                .put("Status", query.status() == null ? null : query.status().wireValue())
                .put("PrimaryIpAddress", query.primaryIpAddress())
                .put("NetworkInterfaceName", query.name())
                .page(page)
                .build();
        return read(EnsOperation.DESCRIBE_NETWORK_INTERFACES, params, EnsResponses.NetworkInterfacesResponse.class,
                r -> r.page(page));
    }

    @Override
    public Page<HaVip> describeHaVips(HaVipQuery query, PageRequest page) {
        Map<String, String> params = new QueryParams()
                .put("EnsRegionId", query.regionId())
                .repeatList("EnsRegionIds", query.regionIds())
                .put("HaVipId", query.haVipId())
                .put("HaVipAddress", query.haVipAddress())
                .put("Name", query.name())
                .put("NetworkId", query.networkId())
                .put("VSwitchId", query.vSwitchId())
                .put("Status", query.status() == null ? null : query.status().wireValue())
                .page(page)
                .build();
        return read(EnsOperation.DESCRIBE_HAVIPS, params, EnsResponses.HaVipsResponse.class, r -> r.page(page));
    }

    @Override
    public List<String> createHaVip(CreateHaVipRequest request) {
        Map<String, String> params = new QueryParams()
                .put("VSwitchId", request.vSwitchId())
                .put("IpAddress", request.ipAddress())
                .put("Name", request.name())
                .put("Description", request.description())
                .put("Amount", request.amount() == 1 ? null : Integer.toString(request.amount()))
                .build();
        Transport.RawResponse response = write(EnsOperation.CREATE_HAVIP, params);
        List<String> ids;
        try {
            ids = EnsJson.read(response.body(), EnsResponses.CreateHaVipResponse.class).ids();
        } catch (IOException unreadable) {
            throw unreadableWrite(EnsOperation.CREATE_HAVIP, unreadable);
        }
        if (ids.isEmpty()) {
            // HTTP 200 without IDs: something may have been created that we cannot name
            throw new EnsException(EnsError.of(ErrorCatalog.INVALID_RESPONSE, "CreateHaVip answered no HaVipIds.",
                    requestIdOf(response), response.status()).asAmbiguous());
        }
        LOG.info("CreateHaVip created {} in {}", ids, request.vSwitchId());
        return ids;
    }

    @Override
    public String deleteHaVips(List<String> haVipIds) {
        List<String> ids = QueryValues.ids(haVipIds);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("at least one HaVip ID is required");
        }
        Map<String, String> params = new QueryParams().jsonList("HaVipIds", ids).build();
        return requestIdOf(write(EnsOperation.DELETE_HAVIPS, params));
    }

    @Override
    public String modifyHaVipAttribute(String haVipId, String name) {
        Map<String, String> params = new QueryParams()
                .put("HaVipId", requireId(haVipId, "haVipId"))
                .put("Name", Objects.requireNonNull(name, "name"))
                .build();
        return requestIdOf(write(EnsOperation.MODIFY_HAVIP_ATTRIBUTE, params));
    }

    @Override
    public String associateHaVip(String haVipId, String targetId, InstanceType type) {
        String target = requireId(targetId, "targetId");
        InstanceType effective = type == null ? InstanceType.ofTargetId(target) : type;
        if (effective == InstanceType.UNKNOWN) {
            throw new IllegalArgumentException("the target type must be known");
        }
        Map<String, String> params = new QueryParams()
                .put("HaVipId", requireId(haVipId, "haVipId"))
                .put("InstanceId", target)
                .put("InstanceType", effective.wireValue())
                .build();
        return requestIdOf(write(EnsOperation.ASSOCIATE_HAVIP, params));
    }

    @Override
    public String unassociateHaVip(String haVipId, String targetId) {
        Map<String, String> params = new QueryParams()
                .put("HaVipId", requireId(haVipId, "haVipId"))
                .put("InstanceId", requireId(targetId, "targetId"))
                .build();
        return requestIdOf(write(EnsOperation.UNASSOCIATE_HAVIP, params));
    }

    @Override
    public Page<Eip> describeEips(EipQuery query, PageRequest page) {
        Map<String, String> params = new QueryParams()
                .repeatList("EnsRegionIds", query.regionIds())
                .commaList("AllocationId", query.allocationIds())
                .put("AssociatedInstanceId", query.associatedInstanceId())
                .page(page)
                .build();
        return read(EnsOperation.DESCRIBE_EIP_ADDRESSES, params, EnsResponses.EipsResponse.class, r -> r.page(page));
    }

    @Override
    public String associateEip(String allocationId, String instanceId, String instanceType) {
        Map<String, String> params = new QueryParams()
                .put("AllocationId", requireId(allocationId, "allocationId"))
                .put("InstanceId", requireId(instanceId, "instanceId"))
                .put("InstanceType", QueryValues.text(instanceType))
                .build();
        return requestIdOf(write(EnsOperation.ASSOCIATE_EIP_ADDRESS, params));
    }

    @Override
    public String unassociateEip(String allocationId) {
        Map<String, String> params = new QueryParams()
                .put("AllocationId", requireId(allocationId, "allocationId"))
                .build();
        return requestIdOf(write(EnsOperation.UNASSOCIATE_EIP_ADDRESS, params));
    }

    @Override
    public Page<SecurityGroup> describeSecurityGroups(SecurityGroupQuery query, PageRequest page) {
        Map<String, String> params = new QueryParams()
                .put("SecurityGroupId", query.securityGroupId())
                .put("SecurityGroupName", query.name())
                .page(page)
                .build();
        return read(EnsOperation.DESCRIBE_SECURITY_GROUPS, params, EnsResponses.SecurityGroupsResponse.class,
                r -> r.page(page));
    }

    @Override
    public List<SecurityGroupRule> describeSecurityGroupRules(String securityGroupId) {
        Map<String, String> params = new QueryParams()
                .put("SecurityGroupId", requireId(securityGroupId, "securityGroupId"))
                .build();
        return read(EnsOperation.DESCRIBE_SECURITY_GROUP_ATTRIBUTE, params,
                EnsResponses.SecurityGroupAttributeResponse.class, EnsResponses.SecurityGroupAttributeResponse::rules);
    }

    @Override
    public Page<SystemEvent> describeEvents(EventQuery query, PageRequest page) {
        // Comma-joined, as the SDK's ShrinkRequest sends them (ens-api-ha.md §1).
        Map<String, String> params = new QueryParams()
                .put("EventTypes", String.join(",", query.eventTypes()))
                .commaList("EventStatus", query.statuses())
                .commaList("ResourceIds", query.resourceIds())
                .page(page)
                .build();
        return read(EnsOperation.DESCRIBE_HISTORY_EVENTS, params, EnsResponses.EventsResponse.class,
                r -> r.page(page));
    }

    @Override
    public Page<RouteEntry> describeRouteEntries(RouteEntryQuery query, PageRequest page) {
        Map<String, String> params = new QueryParams()
                .put("RouteTableId", query.routeTableId())
                .put("RouteEntryId", query.routeEntryId())
                .put("DestinationCidrBlock", query.destinationCidrBlock())
                .put("NextHopType", query.nextHopType())
                .put("NextHopId", query.nextHopId())
                .page(page)
                .build();
        return read(EnsOperation.DESCRIBE_ROUTE_ENTRIES, params, HaResponses.RouteEntriesResponse.class,
                r -> r.page(page));
    }

    @Override
    public VSwitchAttributes describeVSwitchAttributes(String vSwitchId) {
        Map<String, String> params = new QueryParams().put("VSwitchId", requireId(vSwitchId, "vSwitchId")).build();
        return read(EnsOperation.DESCRIBE_VSWITCH_ATTRIBUTES, params, HaResponses.VSwitchAttributesResponse.class,
                HaResponses.VSwitchAttributesResponse::attributes);
    }

    @Override
    public NetworkAttributes describeNetworkAttribute(String networkId) {
        Map<String, String> params = new QueryParams().put("NetworkId", requireId(networkId, "networkId")).build();
        return read(EnsOperation.DESCRIBE_NETWORK_ATTRIBUTE, params, HaResponses.NetworkAttributeResponse.class,
                HaResponses.NetworkAttributeResponse::attributes);
    }

    @Override
    public TagPage listInstanceTags(List<String> instanceIds, String nextToken) {
        List<String> ids = QueryValues.ids(instanceIds);
        if (ids.size() > 50) {
            throw new IllegalArgumentException("at most 50 instance IDs per ListTagResources call");
        }
        Map<String, String> params = new QueryParams()
                .put("ResourceType", "instance")
                .repeatList("ResourceId", ids)
                .put("NextToken", nextToken)
                .build();
        return read(EnsOperation.LIST_TAG_RESOURCES, params, HaResponses.TagResourcesResponse.class,
                HaResponses.TagResourcesResponse::page);
    }

    @Override
    public void close() {
        transport.close();
    }

    private <E, T> T read(EnsOperation operation, Map<String, String> params, Class<E> envelope,
            Function<E, T> extract) {
        return retrier.call(operation, () -> {
            Transport.RawResponse response = send(operation, params);
            if (!response.isSuccess()) {
                throw new EnsException(SdkErrors.fromResponse(response, operation));
            }
            try {
                return extract.apply(EnsJson.read(response.body(), envelope));
            } catch (IOException unreadable) {
                EnsError error = EnsError.of(ErrorCatalog.INVALID_RESPONSE,
                        operation.action() + " answered a body that is not the expected JSON: "
                                + unreadable.getClass().getSimpleName(),
                        requestIdOf(response), response.status());
                throw new EnsException(error, Redactor.sanitize(unreadable, List.of()));
            }
        });
    }

    /**
     * Sends a write once. Its failures are not retried here; an ambiguous one (see
     * {@link EnsError#ambiguous()}) is logged, as the caller has to reconcile it.
     */
    private Transport.RawResponse write(EnsOperation operation, Map<String, String> params) {
        Transport.RawResponse response;
        try {
            response = retrier.call(operation, () -> send(operation, params));
        } catch (EnsException failure) {
            logWriteFailure(operation, params, failure.error());
            throw failure;
        }
        if (!response.isSuccess()) {
            EnsError error = SdkErrors.fromResponse(response, operation);
            logWriteFailure(operation, params, error);
            throw new EnsException(error);
        }
        LOG.info("{} {} accepted, RequestId {}", operation.action(), params, requestIdOf(response));
        return response;
    }

    /** One attempt, paced, and its answer told to the pacer. */
    private Transport.RawResponse send(EnsOperation operation, Map<String, String> params) {
        Pacer.Call call;
        try {
            call = pacer.start(operation);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new EnsException(EnsError.of(ErrorCatalog.INTERRUPTED,
                    operation.action() + " was not sent: interrupted while pacing", null, 0));
        }
        Transport.RawResponse response;
        try {
            response = transport.send(operation, params);
        } catch (RuntimeException noAnswer) {
            call.failed();
            throw noAnswer;
        }
        if (response.isSuccess()) {
            call.answered();
        } else {
            EnsError error = SdkErrors.fromResponse(response, operation);
            if (error.isThrottling()) {
                call.throttled(error.retryAfter());
            } else {
                call.answered();
            }
        }
        return response;
    }

    /**
     * Applies other limits from the next call on, e.g. a raised quota saved in the settings.
     *
     * @param pacing the new limits
     */
    public void repace(PacingSettings pacing) {
        pacer.reconfigure(Objects.requireNonNull(pacing, "pacing"));
    }

    private static void logWriteFailure(EnsOperation operation, Map<String, String> params, EnsError error) {
        if (error.ambiguous()) {
            LOG.warn("{} {} may or may not have taken effect: {}", operation.action(), params, error.summary());
        } else {
            LOG.info("{} {} failed: {}", operation.action(), params, error.summary());
        }
    }

    private static EnsException unreadableWrite(EnsOperation operation, IOException cause) {
        EnsError error = EnsError.of(ErrorCatalog.INVALID_RESPONSE,
                operation.action() + " answered a body that is not the expected JSON", null, 200).asAmbiguous();
        return new EnsException(error, Redactor.sanitize(cause, List.of()));
    }

    private static String requestIdOf(Transport.RawResponse response) {
        try {
            return EnsJson.read(response.body(), EnsResponses.RequestIdOnly.class).requestId();
        } catch (IOException unreadable) {
            return EnsJson.readError(response.body()).requestId();
        }
    }

    private static String requireId(String id, String name) {
        String trimmed = QueryValues.text(id);
        if (trimmed == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return trimmed;
    }
}
