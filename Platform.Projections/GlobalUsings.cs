// The namespaces nearly every file of this project uses, imported once for all of them.
global using JasperFx.Events;
global using Marten.Events.Aggregation;
global using Marten;
global using Platform.Domain;
global using Platform.Projections.Live;
