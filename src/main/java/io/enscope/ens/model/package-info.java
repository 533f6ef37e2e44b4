/**
 * The ENS resources Enscope works with, as immutable records: {@link io.enscope.ens.model.Region},
 * {@link io.enscope.ens.model.Network}, {@link io.enscope.ens.model.VSwitch},
 * {@link io.enscope.ens.model.Instance}, {@link io.enscope.ens.model.NetworkInterface},
 * {@link io.enscope.ens.model.HaVip} with its {@link io.enscope.ens.model.HaVipAssociation}s, and
 * {@link io.enscope.ens.model.Page}.
 *
 * <p>The records are read from the ENS JSON with Jackson; the field names are exactly those of the
 * ENS 2017-11-10 API, and the wrapper objects of the wire format ({@code Instances.Instance[]},
 * {@code NetworkAttributes.PrivateIpAddress.IpAddress[]}, …) are flattened away. Reading is
 * lenient where the cloud is inconsistent: a status this version does not know becomes
 * {@code UNKNOWN} and the raw text is kept beside it, {@code In_use} reads as {@code InUse}, a
 * missing list is empty, never null, and an unreadable timestamp is null rather than an error.
 */
package io.enscope.ens.model;
