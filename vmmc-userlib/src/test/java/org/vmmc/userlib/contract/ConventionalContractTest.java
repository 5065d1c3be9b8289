package org.vmmc.userlib.contract;

import com.google.inject.Module;
import org.vmmc.hardware.conventional.ConventionalModule;

/** The VMMC contract on the conventional (Paragon NX style) interface. */
class ConventionalContractTest extends VmmcContract {
  @Override
  protected Module design() {
    return new ConventionalModule();
  }
}
