global using System.Collections.Frozen;
