package io.enscope.emulator;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls the emulator through the real aliyun-java-sdk-core {@link CommonRequest} with v1
 * signatures: the same path as the console in production.
 */
final class SdkCaller {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DefaultAcsClient client;
    private final String endpoint;
    private final int readTimeoutMillis;

    SdkCaller(EnsEmulator emulator, Account account) {
        this(emulator.endpoint(), account, 10_000);
    }

    SdkCaller(String endpoint, Account account, long readTimeoutMillis) {
        DefaultProfile profile = DefaultProfile.getProfile("cn-hangzhou", account.accessKeyId(),
                account.accessKeySecret());
        HttpClientConfig config = HttpClientConfig.getDefault();
        config.setReadTimeoutMillis(readTimeoutMillis);
        config.setConnectionTimeoutMillis(5_000);
        profile.setHttpClientConfig(config);
        this.client = new DefaultAcsClient(profile);
        this.endpoint = endpoint;
        this.readTimeoutMillis = (int) readTimeoutMillis;
    }

    /** An SDK error, with what the SDK exposes of it. */
    static final class CallFailed extends RuntimeException {
        final String code;
        final String requestId;
        final boolean server;

        CallFailed(ClientException e, boolean server) {
            super(e.getErrCode() + ": " + e.getErrMsg(), e);
            this.code = e.getErrCode();
            this.requestId = e.getRequestId();
            this.server = server;
        }
    }

    JsonNode call(String action, String... keyValues) {
        return call(action, defaultMethod(action), keyValues);
    }

    JsonNode call(String action, MethodType method, String... keyValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        CommonRequest request = new CommonRequest();
        request.setSysDomain(endpoint);
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysProduct("Ens");
        request.setSysVersion("2017-11-10");
        request.setSysAction(action);
        request.setSysMethod(method);
        request.setSysReadTimeout(readTimeoutMillis);
        request.setSysConnectTimeout(5_000);
        params.forEach(request::putQueryParameter);
        try {
            CommonResponse response = client.getCommonResponse(request);
            return JSON.readTree(response.getData());
        } catch (ServerException e) {
            throw new CallFailed(e, true);
        } catch (ClientException e) {
            throw new CallFailed(e, false);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The error code of a call that must fail. */
    String errorCode(String action, String... keyValues) {
        try {
            call(action, keyValues);
        } catch (CallFailed e) {
            return e.code;
        }
        throw new AssertionError(action + " succeeded but an error was expected");
    }

    /** The SDK error of a call that must fail. */
    CallFailed failure(String action, String... keyValues) {
        try {
            call(action, keyValues);
        } catch (CallFailed e) {
            return e;
        }
        throw new AssertionError(action + " succeeded but an error was expected");
    }

    static MethodType defaultMethod(String action) {
        return action.equals("DescribeHaVips") ? MethodType.GET : MethodType.POST;
    }

    void shutdown() {
        client.shutdown();
    }
}
