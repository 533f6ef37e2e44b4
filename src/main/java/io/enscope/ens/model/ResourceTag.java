package io.enscope.ens.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A tag of a resource: one {@code ListTagResources} {@code TagResources[]} row, or one
 * {@code DescribeInstances} {@code Tags.Tags[]} item (which carries no resource ID).
 *
 * @param resourceId the tagged resource, null inside an instance
 * @param key        the key
 * @param value      the value, empty when the tag has none
 */
public record ResourceTag(String resourceId, String key, String value) {

    /** Makes the value non-null. */
    public ResourceTag {
        value = value == null ? "" : value;
    }

    @JsonCreator
    static ResourceTag fromJson(
            @JsonProperty("ResourceId") String resourceId,
            @JsonProperty("TagKey") String tagKey,
            @JsonProperty("TagValue") String tagValue,
            @JsonProperty("Key") String key,
            @JsonProperty("Value") String value) {
        return new ResourceTag(resourceId, tagKey != null ? tagKey : key, tagValue != null ? tagValue : value);
    }

    /** @return {@code key=value}, or the key alone when the value is empty */
    public String text() {
        return value.isEmpty() ? key : key + "=" + value;
    }
}
