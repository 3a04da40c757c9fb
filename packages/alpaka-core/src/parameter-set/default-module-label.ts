/**
 * CMSSW's edm::defaultModuleLabel (FWCore/ParameterSet/src/defaultModuleLabel.cc): the label
 * ConfigurationDescriptions::addWithDefaultLabel gives a plugin's description, which is also the label a cfi
 * file's module gets. Colons (namespaces) are removed, everything from the first '@' (module alternatives such
 * as `@alpaka`) is dropped, then leading capitals are lowered: all of them when the name is all capitals, n−1
 * of a leading run of n (so `HLTFilter` keeps the capital that starts the next word), otherwise the first.
 */
export function defaultModuleLabel(pluginName: string): string {
  let label = pluginName.replaceAll(':', '');
  const at = label.indexOf('@');
  if (at >= 0) label = label.slice(0, at);
  let capitals = 0;
  while (capitals < label.length && isUpperCase(label.charAt(capitals))) capitals++;
  if (capitals > 1 && capitals !== label.length) capitals--;
  return label.slice(0, capitals).toLowerCase() + label.slice(capitals);
}

/** std::isupper in the C locale: only A–Z count, so digits and '_' end a run of capitals. */
function isUpperCase(character: string): boolean {
  return character >= 'A' && character <= 'Z';
}
