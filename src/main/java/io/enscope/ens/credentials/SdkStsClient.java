package io.enscope.ens.credentials;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.enscope.ens.ProxyRouting;
import io.enscope.ens.ProxySettings;

/**
 * {@link StsClient} over aliyun-java-sdk-core: a {@link CommonRequest} for product {@code Sts},
 * version {@code 2015-04-01}, action {@code AssumeRole}. The endpoint is, in this order, the one
 * given to the constructor (e.g. a local emulator), the profile's {@code sts_endpoint},
 * {@code sts.<sts_region>.aliyuncs.com}, or {@code sts.aliyuncs.com}, as the aliyun CLI chooses it.
 */
public final class SdkStsClient implements StsClient {

    /** The error code used when the response cannot be understood. */
    public static final String INVALID_RESPONSE = "InvalidResponse";

    private static final String DEFAULT_ENDPOINT = "sts.aliyuncs.com";
    /** The SDK signs with a region even when the domain is given; STS accepts any. */
    private static final String SIGNING_REGION = "cn-hangzhou";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Optional<String> endpointOverride;
    private final ProtocolType protocol;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final ProxySettings proxy;

    /** A client for the public STS endpoints over HTTPS with the SDK's usual timeouts (5 s connect, 10 s read). */
    public SdkStsClient() {
        this(Optional.empty(), ProtocolType.HTTPS, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    /**
     * @param endpointOverride an endpoint ({@code host[:port]}) used for every call instead of the profile's
     * @param protocol         HTTPS, or HTTP for a loopback emulator
     * @param connectTimeout   the connect timeout
     * @param readTimeout      the read timeout
     */
    public SdkStsClient(Optional<String> endpointOverride, ProtocolType protocol, Duration connectTimeout,
                        Duration readTimeout) {
        this(endpointOverride, protocol, connectTimeout, readTimeout, ProxySettings.system());
    }

    /**
     * @param endpointOverride an endpoint ({@code host[:port]}) used for every call instead of the profile's
     * @param protocol         HTTPS, or HTTP for a loopback emulator
     * @param connectTimeout   the connect timeout
     * @param readTimeout      the read timeout
     * @param proxy            how STS is reached, the same way as ENS
     */
    public SdkStsClient(Optional<String> endpointOverride, ProtocolType protocol, Duration connectTimeout,
                        Duration readTimeout, ProxySettings proxy) {
        this.proxy = Objects.requireNonNull(proxy, "proxy");
        this.endpointOverride = Objects.requireNonNull(endpointOverride, "endpointOverride");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
    }

    /**
     * @param role the role assumption
     * @return the endpoint this client calls for it
     */
    public String endpointFor(RoleAssumption role) {
        return endpointOverride.or(role::stsEndpoint)
                .orElseGet(() -> role.stsRegion().map(region -> "sts." + region + ".aliyuncs.com")
                        .orElse(DEFAULT_ENDPOINT));
    }

    @Override
    public TemporaryCredentials assumeRole(AccessKey caller, RoleAssumption role) throws StsException {
        AlibabaCloudCredentials credentials = caller.securityToken()
                .<AlibabaCloudCredentials>map(token ->
                        new BasicSessionCredentials(caller.id(), caller.secret().reveal(), token.reveal()))
                .orElseGet(() -> new BasicCredentials(caller.id(), caller.secret().reveal()));
        DefaultProfile profile = DefaultProfile.getProfile(SIGNING_REGION);
        // The same transport as ENS calls, so that AssumeRole takes the same proxy (the SDK's default
        // Apache client is one per JVM and keeps the proxy of whichever client came first).
        HttpClientConfig http = HttpClientConfig.getDefault();
        http.setConnectionTimeoutMillis(connectTimeout.toMillis());
        http.setReadTimeoutMillis(readTimeout.toMillis());
        ProxyRouting.of(proxy).configure(http);
        profile.setHttpClientConfig(http);
        DefaultAcsClient client = new DefaultAcsClient(profile, new StaticCredentialsProvider(credentials));
        try {
            CommonResponse response = client.getCommonResponse(request(role));
            return parse(response.getData());
        } catch (ClientException e) {
            // getErrCode/getRequestId only: the message can hold the signed URL with the AccessKeyId.
            String code = e.getErrCode() == null || e.getErrCode().isBlank() ? "SDK.Unknown" : e.getErrCode();
            throw new StsException(code, Optional.ofNullable(e.getRequestId()).filter(id -> !id.isBlank()));
        } finally {
            client.shutdown();
        }
    }

    private CommonRequest request(RoleAssumption role) {
        CommonRequest request = new CommonRequest();
        request.setSysMethod(MethodType.POST);
        request.setSysProtocol(protocol);
        request.setSysDomain(endpointFor(role));
        request.setSysProduct("Sts");
        request.setSysVersion("2015-04-01");
        request.setSysAction("AssumeRole");
        request.setSysConnectTimeout((int) connectTimeout.toMillis());
        request.setSysReadTimeout((int) readTimeout.toMillis());
        request.putQueryParameter("RoleArn", role.roleArn());
        request.putQueryParameter("RoleSessionName", role.sessionName());
        request.putQueryParameter("DurationSeconds", Integer.toString(role.durationSeconds()));
        role.externalId().ifPresent(externalId -> request.putQueryParameter("ExternalId", externalId));
        return request;
    }

    static TemporaryCredentials parse(String body) throws StsException {
        try {
            JsonNode credentials = MAPPER.readTree(body == null ? "" : body).path("Credentials");
            String id = credentials.path("AccessKeyId").asText("");
            String secret = credentials.path("AccessKeySecret").asText("");
            String token = credentials.path("SecurityToken").asText("");
            String expiration = credentials.path("Expiration").asText("");
            if (id.isEmpty() || secret.isEmpty() || token.isEmpty() || expiration.isEmpty()) {
                throw new StsException(INVALID_RESPONSE, Optional.empty());
            }
            return new TemporaryCredentials(new AccessKey(id, Secret.of(secret), Optional.of(Secret.of(token))),
                    Instant.parse(expiration));
        } catch (IOException | DateTimeException e) {
            // Not chained: a parser message could quote the body, and the body holds the new secret.
            throw new StsException(INVALID_RESPONSE, Optional.empty());
        }
    }

    @Override
    public String toString() {
        return "SdkStsClient[endpoint=" + endpointOverride.orElse("per profile") + ", protocol=" + protocol + ", "
                + proxy + "]";
    }
}
