package io.enscope.ens.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An ENS edge node ("region" in the API: {@code EnsRegionId}), from
 * {@code DescribeEnsRegions} {@code EnsRegions.EnsRegions[]}.
 *
 * @param id       the node ID, e.g. {@code cn-dalian-unicom}
 * @param name     the Chinese display name
 * @param enName   the English display name
 * @param area     the area, e.g. {@code NorthEastChina}
 * @param province the province
 */
public record Region(
        @JsonProperty("EnsRegionId") String id,
        @JsonProperty("Name") String name,
        @JsonProperty("EnName") String enName,
        @JsonProperty("Area") String area,
        @JsonProperty("Province") String province) {
}
