package io.enscope.ens;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.CommonRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.HttpResponse;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.policy.retry.RetryPolicy;
import com.aliyuncs.profile.DefaultProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends ENS requests through aliyun-java-sdk-core: a {@link CommonRequest} per call (product
 * {@code Ens}, version {@code 2017-11-10}, RPC style, v1 HMAC-SHA1 signature), executed with
 * {@code doAction}, which hands back the raw answer with its status and headers instead of
 * turning a 4xx into an exception without them.
 */
final class SdkTransport implements Transport {

    static final String PRODUCT = "Ens";
    static final String VERSION = "2017-11-10";

    private static final Logger LOG = LoggerFactory.getLogger(SdkTransport.class);

    private final EnsClientConfig config;
    private final EnsCredentialsProvider credentials;
    private final DefaultAcsClient client;
    /** The credentials of the call in progress on this thread, read by the SDK when it signs. */
    private final ThreadLocal<EnsCredentials> inFlight = new ThreadLocal<>();

    SdkTransport(EnsClientConfig config, EnsCredentialsProvider credentials) {
        this.config = Objects.requireNonNull(config, "config");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        // No region: ENS addresses nodes with EnsRegionId and its SDKs send no RegionId.
        DefaultProfile profile = DefaultProfile.getProfile((String) null);
        HttpClientConfig http = HttpClientConfig.getDefault();
        ProxyRouting routing = ProxyRouting.of(config.proxy());
        routing.configure(http);
        LOG.debug("ENS calls to {} take {}", config.endpoint(), routing);
        http.setConnectionTimeoutMillis(config.connectTimeout().toMillis());
        http.setReadTimeoutMillis(config.readTimeout().toMillis());
        http.setProtocolType(protocol(config));
        profile.setHttpClientConfig(http);
        this.client = new DefaultAcsClient(profile, new InFlightCredentials());
        // The SDK retries only with a policy set; Enscope retries itself and never retries writes.
        this.client.setSysRetryPolicy(RetryPolicy.none());
    }

    @Override
    public RawResponse send(EnsOperation operation, Map<String, String> params) {
        EnsCredentials signing = resolveCredentials();
        CommonRequest request = new CommonRequest();
        request.setSysProduct(PRODUCT);
        request.setSysVersion(VERSION);
        request.setSysAction(operation.action());
        request.setSysDomain(config.endpoint());
        request.setSysProtocol(protocol(config));
        request.setSysMethod("GET".equals(operation.httpMethod()) ? MethodType.GET : MethodType.POST);
        request.setSysConnectTimeout(Math.toIntExact(config.connectTimeout().toMillis()));
        request.setSysReadTimeout(Math.toIntExact(config.readTimeout().toMillis()));
        request.setSysRetryPolicy(RetryPolicy.none());
        params.forEach(request::putQueryParameter);
        LOG.debug("{} {} {}", operation.httpMethod(), operation.action(), params);
        inFlight.set(signing);
        try {
            AcsRequest<?> signed = request.buildRequest();
            HttpResponse response = client.doAction(signed);
            RawResponse raw = new RawResponse(response.getStatus(), response.getHttpContent(),
                    response.getSysHeaders());
            LOG.debug("{} answered HTTP {}", operation.action(), raw.status());
            return raw;
        } catch (ClientException failure) {
            List<String> secrets = secretsOf(signing);
            EnsError error = SdkErrors.fromSdkException(failure, operation, secrets);
            throw new EnsException(error, Redactor.sanitize(failure, secrets));
        } finally {
            inFlight.remove();
        }
    }

    private EnsCredentials resolveCredentials() {
        EnsCredentials resolved;
        try {
            resolved = credentials.credentials();
        } catch (EnsException known) {
            throw known;
        } catch (RuntimeException failure) {
            EnsError error = EnsError.of(ErrorCatalog.INVALID_CREDENTIALS,
                    "The credentials could not be obtained: " + failure.getClass().getSimpleName(), null, 0);
            throw new EnsException(error, Redactor.sanitize(failure, List.of()));
        }
        if (resolved == null) {
            throw new EnsException(EnsError.of(ErrorCatalog.INVALID_CREDENTIALS, "No credentials.", null, 0));
        }
        // From now on every message, log line and copied text loses these values, whatever a server
        // or the SDK wraps them in.
        Redactor.remember(secretsOf(resolved));
        return resolved;
    }

    private static List<String> secretsOf(EnsCredentials signing) {
        List<String> secrets = new ArrayList<>(3);
        secrets.add(signing.accessKeyId());
        secrets.add(signing.accessKeySecret());
        if (signing.securityToken() != null) {
            secrets.add(signing.securityToken());
        }
        return secrets;
    }

    private static ProtocolType protocol(EnsClientConfig config) {
        return config.protocol() == EnsClientConfig.Protocol.HTTP ? ProtocolType.HTTP : ProtocolType.HTTPS;
    }

    @Override
    public void close() {
        client.shutdown();
    }

    /** Hands the SDK the credentials resolved for the call in progress on the calling thread. */
    private final class InFlightCredentials implements AlibabaCloudCredentialsProvider {
        @Override
        public AlibabaCloudCredentials getCredentials() {
            EnsCredentials current = inFlight.get();
            if (current == null) {
                current = resolveCredentials();
            }
            return current.securityToken() == null
                    ? new BasicCredentials(current.accessKeyId(), current.accessKeySecret())
                    : new BasicSessionCredentials(current.accessKeyId(), current.accessKeySecret(),
                            current.securityToken());
        }
    }
}
